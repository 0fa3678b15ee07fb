package org.takedown.support;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A DNS server on loopback (UDP) answering from what a test sets: A, AAAA, CNAME (followed to the target's
 * addresses, as a recursive resolver would) and NS records; any other name is NXDOMAIN.
 */
public final class FakeDns implements AutoCloseable {

    private static final long TTL = 60;

    private final DatagramSocket socket;
    private final Map<String, List<String>> a = new ConcurrentHashMap<>();
    private final Map<String, List<String>> aaaa = new ConcurrentHashMap<>();
    private final Map<String, String> cname = new ConcurrentHashMap<>();
    private final Map<String, List<String>> ns = new ConcurrentHashMap<>();

    private FakeDns() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0));
        Thread thread = new Thread(this::serve, "fake-dns");
        thread.setDaemon(true);
        thread.start();
    }

    public static FakeDns start() {
        try {
            return new FakeDns();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String address() {
        return "127.0.0.1:" + socket.getLocalPort();
    }

    public FakeDns a(String name, String... addresses) {
        a.put(key(name), List.of(addresses));
        return this;
    }

    public FakeDns aaaa(String name, String... addresses) {
        aaaa.put(key(name), List.of(addresses));
        return this;
    }

    public FakeDns cname(String name, String target) {
        cname.put(key(name), key(target));
        return this;
    }

    public FakeDns ns(String name, String... servers) {
        ns.put(key(name), List.of(servers));
        return this;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
    }

    private void serve() {
        byte[] buffer = new byte[4096];
        while (!socket.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                socket.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                byte[] answer = answer(query).toWire();
                socket.send(new DatagramPacket(answer, answer.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // Closed, or a packet that is not DNS: nothing to answer.
            }
        }
    }

    private Message answer(Message query) throws IOException {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        String name = key(question.getName().toString());
        List<Record> records = new ArrayList<>();
        String target = name;
        if (cname.containsKey(name) && question.getType() != Type.CNAME) {
            target = cname.get(name);
            records.add(new CNAMERecord(question.getName(), DClass.IN, TTL, Name.fromString(target + ".")));
        }
        Name owner = Name.fromString(target + ".");
        switch (question.getType()) {
            case Type.A -> {
                for (String address : a.getOrDefault(target, List.of())) {
                    records.add(new ARecord(owner, DClass.IN, TTL, InetAddress.getByName(address)));
                }
            }
            case Type.AAAA -> {
                for (String address : aaaa.getOrDefault(target, List.of())) {
                    records.add(new AAAARecord(owner, DClass.IN, TTL, InetAddress.getByName(address)));
                }
            }
            case Type.NS -> {
                for (String server : ns.getOrDefault(name, List.of())) {
                    records.add(new NSRecord(question.getName(), DClass.IN, TTL, Name.fromString(server + ".")));
                }
            }
            default -> {}
        }
        boolean known =
                a.containsKey(target) || aaaa.containsKey(target) || cname.containsKey(name) || ns.containsKey(name);
        response.getHeader().setRcode(known ? Rcode.NOERROR : Rcode.NXDOMAIN);
        records.forEach(r -> response.addRecord(r, Section.ANSWER));
        return response;
    }

    @Override
    public void close() {
        socket.close();
    }
}
