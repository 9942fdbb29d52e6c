package org.clinwiki.user;

/** The things Clinwiki guards, each with the least role that holds it. */
public enum Right {
    EDIT(Role.EDITOR),
    REVERT(Role.EDITOR),
    PROTECT(Role.ADMIN),
    REVERT_FILE(Role.ADMIN),
    DELETE(Role.ADMIN),
    VIEW_DELETED(Role.ADMIN),
    BLOCK(Role.ADMIN),
    CHANGE_ROLE(Role.ADMIN),
    APPROVE_ACCOUNT(Role.ADMIN),
    READ_AUDIT_LOG(Role.ADMIN);

    private final Role leastRole;

    Right(Role leastRole) {
        this.leastRole = leastRole;
    }

    public Role leastRole() {
        return leastRole;
    }
}
