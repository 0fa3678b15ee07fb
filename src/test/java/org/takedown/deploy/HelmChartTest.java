package org.takedown.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Renders {@code helm/takedown} with {@code helm template} — default values and every {@code ci/*-values.yaml} — and
 * checks the invariants a police force's platform team relies on: no Ingress reaches the management port, pods run
 * non-root on a read-only root filesystem with probes on the management port, shutdown fits in the grace period,
 * secrets stay in Secrets, and egress never reaches private space or cloud metadata except the database.
 * <p>
 * Needs a helm binary: {@code $HELM}, {@code helm} on the PATH, or {@code ../shared/tools/get-helm} (what
 * {@code .ci/run} uses). Without one the test fails saying so; {@code -Dtests.helm=off} turns it off.
 */
public class HelmChartTest {

    private static final Path CHART = Path.of("helm", "takedown");
    private static final String RELEASE = "takedown";
    private static final String TOKEN = "123456:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
    private static final Set<String> PRIVATE =
            Set.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "100.64.0.0/10");

    static Stream<String> valuesFiles() throws IOException {
        List<String> files = new ArrayList<>();
        files.add("");
        try (Stream<Path> ci = Files.list(CHART.resolve("ci"))) {
            ci.filter(p -> p.getFileName().toString().endsWith("-values.yaml"))
                    .map(Path::toString)
                    .sorted()
                    .forEach(files::add);
        }
        return files.stream();
    }

    @ParameterizedTest(name = "values {0}")
    @MethodSource("valuesFiles")
    void renderedManifestsKeepTheInvariants(String valuesFile) throws Exception {
        List<JsonNode> manifests = render(valuesFile, "telegram.botToken=" + TOKEN);
        JsonNode deployment = one(manifests, "Deployment");
        String publicService = RELEASE;
        String managementService = RELEASE + "-management";
        assertEquals(
                "ClusterIP",
                one(manifests, "Service", managementService).at("/spec/type").asText());

        for (JsonNode ingress : kind(manifests, "Ingress")) {
            List<JsonNode> backends = new ArrayList<>();
            if (ingress.at("/spec/defaultBackend").isObject()) {
                backends.add(ingress.at("/spec/defaultBackend"));
            }
            ingress.at("/spec/rules")
                    .forEach(rule -> rule.at("/http/paths").forEach(path -> backends.add(path.get("backend"))));
            assertFalse(backends.isEmpty(), ingress.at("/metadata/name").asText());
            for (JsonNode backend : backends) {
                assertEquals(
                        publicService, backend.at("/service/name").asText(), "Ingress " + ingress.at("/metadata/name"));
                assertEquals(
                        "http", backend.at("/service/port/name").asText(), "Ingress " + ingress.at("/metadata/name"));
            }
        }
        JsonNode officer = named(manifests, "Ingress", RELEASE + "-officer");
        if (officer != null) {
            assertTrue(officer.at("/spec/tls/0/secretName").asText().length() > 0, "officer hosts only over TLS");
        }

        JsonNode pod = deployment.at("/spec/template/spec");
        assertTrue(pod.at("/securityContext/runAsNonRoot").asBoolean());
        assertNotEquals(0, pod.at("/securityContext/runAsUser").asInt());
        assertFalse(pod.at("/automountServiceAccountToken").asBoolean(true));
        JsonNode container = pod.at("/containers/0");
        assertFalse(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true));
        assertTrue(container.at("/securityContext/readOnlyRootFilesystem").asBoolean());
        assertEquals("ALL", container.at("/securityContext/capabilities/drop/0").asText());
        assertTrue(mounts(pod, container, "/tmp").has("emptyDir"), "a writable /tmp");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals(
                    "management", container.at("/" + probe + "/httpGet/port").asText(), probe);
        }
        int grace = pod.at("/terminationGracePeriodSeconds").asInt();
        int shutdown =
                Integer.parseInt(env(container, "QUARKUS_SHUTDOWN_TIMEOUT").replace("s", ""));
        assertTrue(shutdown < grace, "shutdown " + shutdown + " s within the grace period " + grace + " s");

        String withoutSecrets = manifests.stream()
                .filter(m -> !m.path("kind").asText().equals("Secret"))
                .map(JsonNode::toString)
                .reduce("", String::concat);
        assertFalse(withoutSecrets.contains(TOKEN), "the bot token only in a Secret");
        if (valuesFile.contains("existing-secret")) {
            assertTrue(kind(manifests, "Secret").isEmpty(), "with existingSecret the chart makes no Secret");
        }

        for (JsonNode policy : kind(manifests, "NetworkPolicy")) {
            checkEgress(policy);
        }
    }

    /** Every egress rule names where it goes; the open internet excludes private and metadata ranges. */
    private static void checkEgress(JsonNode policy) {
        assertTrue(policy.at("/spec/policyTypes").toString().contains("Egress"));
        for (JsonNode rule : policy.at("/spec/egress")) {
            assertTrue(rule.path("to").size() > 0, "an egress rule without 'to' allows everything: " + rule);
            assertTrue(rule.path("ports").size() > 0, "an egress rule without ports: " + rule);
            for (JsonNode to : rule.get("to")) {
                String cidr = to.at("/ipBlock/cidr").asText();
                if (cidr.equals("0.0.0.0/0")) {
                    List<String> except = new ArrayList<>();
                    to.at("/ipBlock/except").forEach(e -> except.add(e.asText()));
                    assertTrue(
                            except.containsAll(PRIVATE), "the internet rule must exclude " + PRIVATE + ": " + except);
                } else if (cidr.equals("::/0")) {
                    assertTrue(to.at("/ipBlock/except").toString().contains("fc00::/7"), to.toString());
                } else if (to.has("namespaceSelector")) {
                    boolean dns = to.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name")
                                    .asText()
                                    .equals("kube-system")
                            && rule.get("ports").findValuesAsText("port").stream()
                                    .allMatch("53"::equals);
                    boolean database = rule.get("ports").size() == 1;
                    assertTrue(dns || database, "cluster-internal egress only to DNS and the database: " + rule);
                }
            }
        }
    }

    @ParameterizedTest(name = "values {0}")
    @MethodSource("valuesFiles")
    void managementPortIsNeverOnTheIngressPath(String valuesFile) throws Exception {
        List<JsonNode> manifests = render(valuesFile);
        JsonNode publicService = one(manifests, "Service", RELEASE);
        publicService
                .at("/spec/ports")
                .forEach(port -> assertEquals("http", port.get("targetPort").asText()));
        JsonNode container = one(manifests, "Deployment").at("/spec/template/spec/containers/0");
        container.at("/ports").forEach(port -> {
            if (port.get("name").asText().equals("management")) {
                assertEquals(9000, port.get("containerPort").asInt());
            } else {
                assertEquals(8080, port.get("containerPort").asInt());
            }
        });
    }

    @Test
    void runningTelegramDryIsSaidExplicitly() throws Exception {
        JsonNode container = one(render(""), "Deployment").at("/spec/template/spec/containers/0");
        assertEquals(
                "false",
                env(container, "TAKEDOWN_TELEGRAM_DRY_RUN"),
                "a missing token stops the pod instead of running dry");
        container = one(render("", "telegram.dryRun=true"), "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("true", env(container, "TAKEDOWN_TELEGRAM_DRY_RUN"));
    }

    @Test
    void theForcesOfficialDomainsReachTheServiceAndNothingElseIsAccepted() throws Exception {
        JsonNode none = one(render(""), "Deployment").at("/spec/template/spec/containers/0/env");
        assertFalse(none.toString().contains("TAKEDOWN_OFFICIAL_DOMAINS"), "none: a message names no domain");
        JsonNode container = one(
                        render("", "victims.officialDomains={met.police.uk,actionfraud.police.uk}"), "Deployment")
                .at("/spec/template/spec/containers/0");
        assertEquals("met.police.uk,actionfraud.police.uk", env(container, "TAKEDOWN_OFFICIAL_DOMAINS"));
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> render("", "victims.officialDomains={https://met.police.uk}"),
                "a link is not a domain");
        assertTrue(refused.getMessage().contains("officialDomains"), refused.getMessage());
    }

    @Test
    void theSmppAccountReachesTheServiceWithItsPasswordInTheSecretAndRunningDryIsSaidExplicitly() throws Exception {
        JsonNode none = one(render(""), "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("false", env(none, "TAKEDOWN_SMS_DRY_RUN"), "no SMSC stops the pod instead of running dry");
        assertFalse(none.at("/env").toString().contains("TAKEDOWN_SMPP_HOST"));

        List<JsonNode> given = render(
                "",
                "victims.sms.smpp.host=smsc.example.net",
                "victims.sms.smpp.systemId=met",
                "victims.sms.smpp.password=s3cret",
                "victims.sms.rate=100");
        JsonNode container = one(given, "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("smsc.example.net", env(container, "TAKEDOWN_SMPP_HOST"));
        assertEquals("2775", env(container, "TAKEDOWN_SMPP_PORT"));
        assertEquals("met", env(container, "TAKEDOWN_SMPP_SYSTEM_ID"));
        assertEquals("100", env(container, "TAKEDOWN_SMS_RATE"));
        assertFalse(container.toString().contains("s3cret"), "the password is no plain environment value");
        assertEquals(
                "s3cret",
                one(given, "Secret", RELEASE)
                        .at("/stringData/TAKEDOWN_SMPP_PASSWORD")
                        .asText());

        // the NetworkPolicy lets the pods reach the SMSC on its port, and only there beyond 80/443
        assertFalse(one(render(""), "NetworkPolicy").toString().contains("2775"));
        JsonNode egress = one(given, "NetworkPolicy").at("/spec/egress");
        JsonNode smsc = egress.get(egress.size() - 1);
        assertEquals(2775, smsc.at("/ports/0/port").asInt());
        assertEquals("0.0.0.0/0", smsc.at("/to/0/ipBlock/cidr").asText());
        assertTrue(smsc.at("/to/0/ipBlock/except").toString().contains("10.0.0.0/8"));
        JsonNode privateLink = one(
                        render("", "victims.sms.smpp.host=smsc.example.net", "networkPolicy.smsc.cidr=10.9.0.0/24"),
                        "NetworkPolicy")
                .at("/spec/egress");
        assertEquals(
                "10.9.0.0/24",
                privateLink.get(privateLink.size() - 1).at("/to/0/ipBlock/cidr").asText());

        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> render("", "victims.sms.smpp.host=smpp://smsc.example.net"),
                "a URL is not a host");
        assertTrue(refused.getMessage().contains("host"), refused.getMessage());
    }

    @Test
    void govukNotifyGetsItsTemplateAsAValueAndItsKeyAndTokenFromTheSecret() throws Exception {
        JsonNode none = one(render(""), "Deployment").at("/spec/template/spec/containers/0");
        assertFalse(none.toString().contains("TAKEDOWN_NOTIFY"), "no Notify unless configured");
        assertFalse(one(render(""), "Secret", RELEASE).toString().contains("TAKEDOWN_NOTIFY"));

        String key = "live-2f5b4c1e-8b5e-4f7e-9a4e-6c0b0f3a1d2e-0d9f5c3a-7e21-4b9a-8f3e-5a6b7c8d9e0f";
        List<JsonNode> given = render(
                "",
                "victims.sms.notify.templateId=a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d",
                "victims.sms.notify.apiKey=" + key,
                "victims.sms.notify.callbackToken=a-long-callback-token");
        JsonNode container = one(given, "Deployment").at("/spec/template/spec/containers/0");
        assertEquals("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d", env(container, "TAKEDOWN_NOTIFY_TEMPLATE_ID"));
        assertFalse(container.toString().contains(key), "the key is no plain environment value");
        JsonNode secret = one(given, "Secret", RELEASE);
        assertEquals(key, secret.at("/stringData/TAKEDOWN_NOTIFY_API_KEY").asText());
        assertEquals(
                "a-long-callback-token",
                secret.at("/stringData/TAKEDOWN_NOTIFY_CALLBACK_TOKEN").asText());

        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class,
                () -> render("", "victims.sms.notify.templateId=not-a-uuid"),
                "a template id is a UUID");
        assertTrue(refused.getMessage().contains("templateId"), refused.getMessage());
    }

    @Test
    void thePersonalDataKeyFileIsMountedReadOnlyFromItsSecret() throws Exception {
        JsonNode none = one(render(""), "Deployment").at("/spec/template/spec/containers/0/env");
        assertFalse(
                none.toString().contains("TAKEDOWN_PERSONAL_DATA_KEY_FILE"), "no key file: the pod refuses to start");

        List<JsonNode> given = render("", "personalData.keys=index=a");
        JsonNode spec = one(given, "Deployment").at("/spec/template/spec");
        assertEquals(
                "/etc/takedown/personal-data/personal-data.keys",
                env(spec.at("/containers/0"), "TAKEDOWN_PERSONAL_DATA_KEY_FILE"));
        JsonNode secret = given.stream()
                .filter(m -> m.path("metadata").path("name").asText().equals(RELEASE + "-personal-data"))
                .findFirst()
                .orElseThrow();
        assertEquals("index=a", secret.at("/stringData/personal-data.keys").asText());
        assertEquals(
                "keep",
                secret.at("/metadata/annotations/helm.sh~1resource-policy").asText());
        assertTrue(
                spec.at("/containers/0/volumeMounts")
                        .toString()
                        .contains(
                                "{\"name\":\"personal-data\",\"mountPath\":\"/etc/takedown/personal-data\",\"readOnly\":true}"));

        List<JsonNode> existing = render("", "personalData.existingSecret=force-keys");
        JsonNode volumes = one(existing, "Deployment").at("/spec/template/spec/volumes");
        assertTrue(volumes.toString().contains("\"secretName\":\"force-keys\""), volumes.toString());
        assertTrue(existing.stream()
                .noneMatch(m -> m.path("metadata").path("name").asText().endsWith("-personal-data")));
    }

    @Test
    void theGrafanaDashboardShipsAsALabelledConfigMapWhenAsked() throws Exception {
        assertTrue(
                kind(render(""), "ConfigMap").stream()
                        .noneMatch(m -> m.at("/metadata/name").asText().endsWith("-dashboard")),
                "off by default");
        JsonNode configMap = kind(render("", "metrics.grafanaDashboard.enabled=true"), "ConfigMap").stream()
                .filter(m -> m.at("/metadata/name").asText().endsWith("-dashboard"))
                .findFirst()
                .orElseThrow();
        assertEquals("1", configMap.at("/metadata/labels/grafana_dashboard").asText());
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                json.readTree(CHART.resolve("dashboards/takedown.json").toFile()),
                json.readTree(configMap.at("/data/takedown.json").asText()),
                "the dashboard file, unchanged");
    }

    private static List<JsonNode> render(String valuesFile, String... sets) throws Exception {
        if ("off".equals(System.getProperty("tests.helm"))) {
            org.junit.jupiter.api.Assumptions.abort("turned off with -Dtests.helm=off");
        }
        List<String> command = new ArrayList<>(List.of(helm(), "template", RELEASE, CHART.toString()));
        if (!valuesFile.isEmpty()) {
            command.addAll(List.of("-f", valuesFile));
        }
        for (String set : sets) {
            command.addAll(List.of("--set", set));
        }
        String yaml = run(command);
        List<JsonNode> manifests = new ArrayList<>();
        YAMLMapper mapper = new YAMLMapper();
        mapper.readerFor(JsonNode.class).readValues(yaml).forEachRemaining(node -> {
            if (node instanceof JsonNode json && json.has("kind")) {
                manifests.add(json);
            }
        });
        assertFalse(manifests.isEmpty());
        return manifests;
    }

    private static String helm() throws Exception {
        String fromEnv = System.getenv("HELM");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, "helm"))) {
                return Path.of(dir, "helm").toString();
            }
        }
        Path getHelm = Path.of("..", "shared", "tools", "get-helm");
        if (Files.isExecutable(getHelm)) {
            return run(List.of(getHelm.toString())).strip();
        }
        throw new IllegalStateException(
                "No helm binary: set HELM, put helm on the PATH, or keep ../shared/tools/get-helm beside"
                        + " the repository (as .ci/run does); -Dtests.helm=off turns this test off.");
    }

    private static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static List<JsonNode> kind(List<JsonNode> manifests, String kind) {
        return manifests.stream()
                .filter(m -> m.path("kind").asText().equals(kind))
                .toList();
    }

    private static JsonNode one(List<JsonNode> manifests, String kind) {
        List<JsonNode> found = kind(manifests, kind);
        assertEquals(1, found.size(), kind);
        return found.get(0);
    }

    private static JsonNode one(List<JsonNode> manifests, String kind, String name) {
        JsonNode found = named(manifests, kind, name);
        assertTrue(found != null, kind + " " + name);
        return found;
    }

    private static JsonNode named(List<JsonNode> manifests, String kind, String name) {
        return kind(manifests, kind).stream()
                .filter(m -> m.at("/metadata/name").asText().equals(name))
                .findFirst()
                .orElse(null);
    }

    private static JsonNode mounts(JsonNode pod, JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.get("mountPath").asText().equals(path)) {
                for (JsonNode volume : pod.path("volumes")) {
                    if (volume.get("name").asText().equals(mount.get("name").asText())) {
                        return volume;
                    }
                }
            }
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static String env(JsonNode container, String name) {
        for (JsonNode variable : container.path("env")) {
            if (variable.get("name").asText().equals(name)) {
                return variable.get("value").asText();
            }
        }
        throw new AssertionError("no " + name + " in the container's environment");
    }
}
