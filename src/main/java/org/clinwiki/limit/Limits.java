package org.clinwiki.limit;

import java.time.Duration;

/**
 * Throttling. Failed logins: at most {@code loginFailuresPerAccount} for one account name and
 * {@code loginFailuresPerAddress} from one address per {@code loginWindow}; further attempts
 * answer 429 until the window lets more through (a wrong current password when changing it
 * counts as a failed login of that account). Saves and reverts: {@code editsPerMinute} per
 * user, with bursts of as many; previews: {@code previewsPerMinute} per user. Registrations:
 * {@code registrationsPerHour} per address. Logins that succeed: {@code loginsPerHour} per
 * account, since each one stores a new token.
 */
public record Limits(int loginFailuresPerAccount, int loginFailuresPerAddress, Duration loginWindow, int editsPerMinute,
                     int previewsPerMinute, int registrationsPerHour, int loginsPerHour) {

    public static Limits defaults() {
        return new Limits(5, 30, Duration.ofMinutes(15), 30, 120, 20, 120);
    }

    public Limits withLoginFailures(int perAccount, int perAddress) {
        return new Limits(perAccount, perAddress, loginWindow, editsPerMinute, previewsPerMinute, registrationsPerHour,
                loginsPerHour);
    }

    public Limits withEditsPerMinute(int edits) {
        return new Limits(loginFailuresPerAccount, loginFailuresPerAddress, loginWindow, edits, previewsPerMinute,
                registrationsPerHour, loginsPerHour);
    }

    public Limits withPreviewsPerMinute(int previews) {
        return new Limits(loginFailuresPerAccount, loginFailuresPerAddress, loginWindow, editsPerMinute, previews,
                registrationsPerHour, loginsPerHour);
    }

    public Limits withRegistrationsPerHour(int registrations) {
        return new Limits(loginFailuresPerAccount, loginFailuresPerAddress, loginWindow, editsPerMinute, previewsPerMinute,
                registrations, loginsPerHour);
    }

    public Limits withLoginsPerHour(int logins) {
        return new Limits(loginFailuresPerAccount, loginFailuresPerAddress, loginWindow, editsPerMinute, previewsPerMinute,
                registrationsPerHour, logins);
    }
}
