package org.takedown.watch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses the fetch gate may connect to: public unicast only. Refused: loopback, private, link-local, CGNAT,
 * unique-local, multicast, reserved, documentation, benchmarking and unspecified ranges, and IPv6 forms that carry an
 * IPv4 address (mapped, NAT64, 6to4) when the carried address is refused. Teredo and IPv4-compatible addresses are
 * refused outright. Ranges in {@code allowCidrs} are let through (test fixtures only).
 */
final class AddressPolicy {

    private record Rule(Cidr range, String why) {}

    private static final List<Rule> IPV4 = List.of(
            rule("0.0.0.0/8", "an unspecified (this-network) address"),
            rule("10.0.0.0/8", "a private address"),
            rule("100.64.0.0/10", "a carrier-grade NAT address"),
            rule("127.0.0.0/8", "a loopback address"),
            rule("169.254.0.0/16", "a link-local address"),
            rule("172.16.0.0/12", "a private address"),
            rule("192.0.0.0/24", "a reserved address"),
            rule("192.0.2.0/24", "a documentation address"),
            rule("192.88.99.0/24", "a reserved address"),
            rule("192.168.0.0/16", "a private address"),
            rule("198.18.0.0/15", "a benchmarking address"),
            rule("198.51.100.0/24", "a documentation address"),
            rule("203.0.113.0/24", "a documentation address"),
            rule("224.0.0.0/4", "a multicast address"),
            rule("240.0.0.0/4", "a reserved or broadcast address"));

    private static final List<Rule> IPV6 = List.of(
            rule("::/128", "an unspecified address"),
            rule("::1/128", "a loopback address"),
            rule("::/96", "an IPv4-compatible address"),
            rule("100::/64", "a discard-only address"),
            rule("64:ff9b:1::/48", "a local NAT64 address"),
            rule("2001::/32", "a Teredo address"),
            rule("2001:db8::/32", "a documentation address"),
            rule("fc00::/7", "a unique-local address"),
            rule("fe80::/10", "a link-local address"),
            rule("fec0::/10", "a site-local address"),
            rule("ff00::/8", "a multicast address"));

    private static final Cidr MAPPED = Cidr.parse("::ffff:0:0/96");
    private static final Cidr NAT64 = Cidr.parse("64:ff9b::/96");
    private static final Cidr SIX_TO_FOUR = Cidr.parse("2002::/16");

    private final List<Cidr> allowed;

    AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /** Why the address may not be reached, or empty when it may. */
    Optional<String> refusal(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (allowed.stream().anyMatch(range -> range.contains(bytes))) {
            return Optional.empty();
        }
        return refusal(bytes).map(why -> address.getHostAddress() + " is " + why);
    }

    private static Optional<String> refusal(byte[] bytes) {
        if (bytes.length == 4) {
            return first(IPV4, bytes);
        }
        if (MAPPED.contains(bytes) || NAT64.contains(bytes)) {
            return refusal(Arrays.copyOfRange(bytes, 12, 16)).map(why -> "carrying " + why);
        }
        if (SIX_TO_FOUR.contains(bytes)) {
            return refusal(Arrays.copyOfRange(bytes, 2, 6)).map(why -> "6to4 carrying " + why);
        }
        return first(IPV6, bytes);
    }

    private static Optional<String> first(List<Rule> rules, byte[] bytes) {
        return rules.stream()
                .filter(r -> r.range().contains(bytes))
                .map(Rule::why)
                .findFirst();
    }

    private static Rule rule(String range, String why) {
        return new Rule(Cidr.parse(range), why);
    }

    /** The literal as an address, never resolving a name (for hosts already known to be address literals). */
    static InetAddress literal(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address literal: " + text, e);
        }
    }
}
