package org.takedown.watch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Every A and AAAA address of a host name. The fetch gate resolves once per hop and connects only to what it checked. */
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
