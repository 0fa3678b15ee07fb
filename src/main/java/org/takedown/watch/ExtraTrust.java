package org.takedown.watch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Trust for the fetch gate when {@code takedown.fetch.extra-trusted-certificates} names a PEM file: a certificate is
 * accepted when the Java runtime's authorities or those extra certificates vouch for it. Hostnames are verified as
 * always.
 */
final class ExtraTrust implements X509TrustManager {

    private final X509TrustManager system;
    private final X509TrustManager extra;

    private ExtraTrust(X509TrustManager system, X509TrustManager extra) {
        this.system = system;
        this.extra = extra;
    }

    static X509TrustManager of(Path pem) {
        try (InputStream in = Files.newInputStream(pem)) {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int n = 0;
            for (Certificate certificate :
                    CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                store.setCertificateEntry("extra-" + n++, certificate);
            }
            if (n == 0) {
                throw new IllegalArgumentException(
                        "takedown.fetch.extra-trusted-certificates: no certificate in " + pem);
            }
            return new ExtraTrust(trustManager(null), trustManager(store));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException(
                    "takedown.fetch.extra-trusted-certificates: cannot read " + pem + ": " + e.getMessage(), e);
        }
    }

    static SSLSocketFactory socketFactory(X509TrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trust}, new SecureRandom());
            return context.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this Java runtime", e);
        }
    }

    private static X509TrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(store);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new IllegalStateException("no X.509 trust manager in this Java runtime");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the fetch gate is a client only");
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        try {
            system.checkServerTrusted(chain, authType);
        } catch (CertificateException notBySystem) {
            extra.checkServerTrusted(chain, authType);
        }
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> issuers = new ArrayList<>(List.of(system.getAcceptedIssuers()));
        issuers.addAll(List.of(extra.getAcceptedIssuers()));
        return issuers.toArray(X509Certificate[]::new);
    }
}
