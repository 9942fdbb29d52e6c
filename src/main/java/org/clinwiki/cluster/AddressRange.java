package org.clinwiki.cluster;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.Optional;

/** One address or a CIDR range of them ({@code 10.0.0.0/8}, {@code 2001:db8::/32}). */
record AddressRange(byte[] network, int prefixLength) {

    AddressRange {
        network = network.clone();
    }

    /** The range {@code text} names, or empty when it is no address or range. */
    static Optional<AddressRange> parse(String text) {
        String given = text.strip();
        int slash = given.indexOf('/');
        Optional<InetAddress> address = IpAddresses.parse(slash < 0 ? given : given.substring(0, slash));
        if (address.isEmpty() || (slash >= 0 && given.substring(0, slash).contains("["))) {
            return Optional.empty();
        }
        byte[] bytes = address.get().getAddress();
        int bits = bytes.length * 8;
        if (slash >= 0) {
            String length = given.substring(slash + 1);
            if (!length.matches("\\d{1,3}") || Integer.parseInt(length) > bits) {
                return Optional.empty();
            }
            bits = Integer.parseInt(length);
        }
        return Optional.of(new AddressRange(masked(bytes, bits), bits));
    }

    boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == network.length && Arrays.equals(masked(bytes, prefixLength), network);
    }

    private static byte[] masked(byte[] bytes, int bits) {
        byte[] masked = bytes.clone();
        for (int i = 0; i < masked.length; i++) {
            int keep = Math.clamp(bits - i * 8L, 0, 8);
            masked[i] = (byte) (masked[i] & (0xff00 >> keep));
        }
        return masked;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AddressRange range && prefixLength == range.prefixLength && Arrays.equals(network, range.network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefixLength;
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("a range holds 4 or 16 bytes", e);
        }
    }
}
