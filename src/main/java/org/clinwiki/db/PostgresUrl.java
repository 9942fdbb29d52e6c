package org.clinwiki.db;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Where a PostgreSQL database is, as given on the command line: {@code postgresql://user:pass@host:port/db?options}
 * (libpq's form) or a pgjdbc URL, {@code jdbc:postgresql://pg1:5432,pg2:5432/db?targetServerType=primary}.
 * The user and password travel beside the JDBC URL, never inside it, so no log line carries them.
 *
 * @param jdbcUrl  the URL for pgjdbc, without credentials
 * @param user     empty: pgjdbc's default (the URL's {@code user} option, or the operating-system user)
 * @param password empty: none
 */
public record PostgresUrl(String jdbcUrl, String user, String password) {

    private static final String JDBC = "jdbc:postgresql:";

    /** Reads {@code url}; a URL of any other database is refused with a message saying what is accepted. */
    public static PostgresUrl parse(String url) {
        String text = url == null ? "" : url.strip();
        if (text.startsWith(JDBC)) {
            return new PostgresUrl(text, "", "");
        }
        for (String scheme : new String[] {"postgresql://", "postgres://"}) {
            if (text.startsWith(scheme)) {
                return fromLibpq(text, scheme.length());
            }
        }
        throw new IllegalArgumentException("Not a PostgreSQL URL: \"" + redacted(text) + "\". Give postgresql://USER:PASSWORD@HOST:PORT/DATABASE "
                + "or jdbc:postgresql://HOST:PORT/DATABASE.");
    }

    private static PostgresUrl fromLibpq(String text, int afterScheme) {
        String rest = text.substring(afterScheme);
        int at = rest.lastIndexOf('@', firstOf(rest, '/', '?'));
        String userInfo = at < 0 ? "" : rest.substring(0, at);
        String location = rest.substring(at + 1);
        if (location.isEmpty() || location.startsWith("/") || location.startsWith("?")) {
            throw new IllegalArgumentException("The PostgreSQL URL names no host: \"" + redacted(text) + "\".");
        }
        validate(location, text);
        int colon = userInfo.indexOf(':');
        String user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
        String password = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
        return new PostgresUrl(JDBC + "//" + location, user, password);
    }

    private static void validate(String location, String original) {
        try {
            // Several hosts (pg1:5432,pg2:5432) are not one URI authority; check the shape with the first alone.
            String first = location.replaceFirst(",[^/?]*", "");
            URI uri = new URI("postgresql://" + first);
            if (uri.getHost() == null) {
                throw new URISyntaxException(first, "no host");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("Not a valid PostgreSQL URL: \"" + redacted(original) + "\" (" + e.getReason() + ").");
        }
    }

    private static int firstOf(String text, char... stops) {
        int end = text.length();
        for (char stop : stops) {
            int at = text.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end;
    }

    private static String decode(String part) {
        return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    /** The URL with any password replaced, for messages. */
    public static String redacted(String url) {
        return url == null ? "" : url.replaceAll("(://[^:/@]*:)[^@/]*@", "$1***@");
    }

    /** The user, if one was given. */
    public Optional<String> userName() {
        return user.isEmpty() ? Optional.empty() : Optional.of(user);
    }
}
