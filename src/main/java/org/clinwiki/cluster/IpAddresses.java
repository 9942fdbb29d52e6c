package org.clinwiki.cluster;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * IP address literals, read without ever asking DNS: {@link InetAddress#getByName} looks up
 * anything that is not a literal, and a header or an option must never make the server do that.
 */
final class IpAddresses {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    /** Hex digits and colons, with a dotted IPv4 tail allowed (::ffff:10.0.0.1); at least one colon. */
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private IpAddresses() {
    }

    /**
     * The address {@code text} names, if it is an IPv4 or IPv6 literal. IPv6 may come in brackets
     * ({@code [2001:db8::1]}, as Jetty and X-Forwarded-For write it), and a bracketed IPv6 or an
     * IPv4 address may carry a port ({@code 203.0.113.9:51234}), which is dropped.
     */
    static Optional<InetAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String literal = text.strip();
        if (literal.startsWith("[")) {
            int close = literal.indexOf(']');
            if (close < 0 || !(close == literal.length() - 1 || literal.charAt(close + 1) == ':')) {
                return Optional.empty();
            }
            return ipv6(literal.substring(1, close));
        }
        int colon = literal.indexOf(':');
        if (colon > 0 && colon == literal.lastIndexOf(':') && literal.indexOf('.') > 0 && literal.indexOf('.') < colon) {
            literal = literal.substring(0, colon);
        }
        return literal.contains(":") ? ipv6(literal) : ipv4(literal);
    }

    /** The canonical text of an address: how it is counted against limits and written to the audit log. */
    static String text(InetAddress address) {
        return address.getHostAddress();
    }

    private static Optional<InetAddress> ipv4(String literal) {
        var matcher = IPV4.matcher(literal);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[4];
        for (int i = 0; i < 4; i++) {
            int octet = Integer.parseInt(matcher.group(i + 1));
            if (octet > 255) {
                return Optional.empty();
            }
            bytes[i] = (byte) octet;
        }
        return byAddress(bytes);
    }

    private static Optional<InetAddress> ipv6(String literal) {
        // A literal of these characters is parsed as an IPv6 address by the JDK, never looked up.
        if (literal.length() > 45 || !IPV6.matcher(literal).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(literal));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<InetAddress> byAddress(byte[] bytes) {
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
