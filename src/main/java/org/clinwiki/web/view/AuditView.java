package org.clinwiki.web.view;

import java.util.List;
import java.util.Optional;

/** The audit log for administrators: newest first, optionally one kind of action, with a link to older entries. */
public record AuditView(List<Row> rows, String action, Optional<String> older) {

    /** One recorded action: when, who, what, to what, from where, and why. */
    public record Row(String time, String iso, String actor, String action, String target, String address, String reason,
                      String details) {
    }
}
