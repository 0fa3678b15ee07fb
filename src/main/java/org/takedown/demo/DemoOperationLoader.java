package org.takedown.demo;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.takedown.notice.NoticeRequest;
import org.takedown.notice.NoticeService;
import org.takedown.notice.TelegramTargetRequest;
import org.takedown.notice.TelegramTargetService;
import org.takedown.operation.AgencyRequest;
import org.takedown.operation.AgencyService;
import org.takedown.operation.DecisionRequest;
import org.takedown.operation.LegalAuthorityType;
import org.takedown.operation.Operation;
import org.takedown.operation.OperationRequest;
import org.takedown.operation.OperationService;
import org.takedown.operation.Transition;
import org.takedown.seizure.BannerRequest;
import org.takedown.seizure.BannerService;
import org.takedown.seizure.SeizedDomainRequest;
import org.takedown.seizure.SeizedDomainService;
import org.takedown.seizure.VisitLogMode;
import org.takedown.watch.WatchTargetKind;
import org.takedown.watch.WatchTargetRequest;
import org.takedown.watch.WatchTargetService;

/**
 * Loads, once, a demo operation modelled on the 2022 iSpoof takedown with fictional agencies and names, through
 * the same services officers use: two synthetic actors ({@code demo:officer}, {@code demo:approver}) prepare and
 * approve it, so the audit log shows exactly how it came to be ACTIVE.
 */
@ApplicationScoped
public class DemoOperationLoader {

    public static final String CODE_NAME = "DEMO-SWITCHBOARD";
    static final String OFFICER = "demo:officer";
    static final String APPROVER = "demo:approver";
    private static final String ZONE = "Europe/London";
    private static final String REFERENCE = "NSC/2026/DEMO-0042";
    private static final Logger LOG = Logger.getLogger(DemoOperationLoader.class);

    @Inject
    DemoConfig config;

    @Inject
    OperationService operations;

    @Inject
    AgencyService agencies;

    @Inject
    SeizedDomainService domains;

    @Inject
    TelegramTargetService targets;

    @Inject
    NoticeService notices;

    @Inject
    WatchTargetService watch;

    @Inject
    BannerService banners;

    @Inject
    org.takedown.notice.TelegramGateway telegram;

    @Inject
    Clock clock;

    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent event) {
        if (!config.enabled() || Operation.count("codeName", CODE_NAME) > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of(ZONE)));
        Operation operation = operations.create(
                OFFICER,
                new OperationRequest(
                        "Operation Switchboard (demo)",
                        CODE_NAME,
                        "Demo data: takedown of the fictional caller-ID spoofing service spoof-demo.",
                        ZONE,
                        new OperationRequest.LegalAuthorityInput(
                                LegalAuthorityType.COURT_ORDER,
                                REFERENCE,
                                "Northshire Crown Court (fictional)",
                                today.minusDays(3)),
                        null,
                        null));
        long id = operation.id;
        addAgency(id, "Northshire Police Cyber Crime Unit", "https://police.example.org", 1, "northshire-police.svg");
        addAgency(id, "National Fraud Investigation Agency", "https://fraud-agency.example.org", 2, "fraud-agency.svg");
        addAgency(
                id,
                "Federal Telecom Fraud Task Force",
                "https://telecom-task-force.example.org",
                3,
                "telecom-task-force.svg");
        domains.add(
                OFFICER,
                id,
                new SeizedDomainRequest(
                        "spoof-demo.localhost", LocalDateTime.now(clock.withZone(ZoneId.of(ZONE))), null));
        if (telegram.dryRun()) {
            // A fictional channel can never pass preflight; with a real bot token the demo has no Telegram target.
            targets.add(OFFICER, id, new TelegramTargetRequest("@spoofdemo_channel", "spoof-demo adverts (fictional)"));
        }
        watch.add(
                OFFICER,
                id,
                new WatchTargetRequest(
                        WatchTargetKind.TELEGRAM_CHANNEL, "spoofdemo_ads", "Where the service was advertised", null));
        notices.add(
                OFFICER,
                id,
                new NoticeRequest("Warning to spoof-demo users", "en", Map.of("en", """
                This service has been taken down by Operation Switchboard.
                Using spoofing services for criminal purposes is illegal. We know who you are. \
                Don't be surprised when more visits follow."""), false, true, List.of()));
        banners.replace(
                OFFICER,
                id,
                banner(LocalDateTime.now(clock.withZone(ZoneId.of(ZONE)))
                        .plusDays(3)
                        .withSecond(0)
                        .withNano(0)));
        operations.transition(OFFICER, id, Transition.SUBMIT, "Demo operation");
        operations.approve(APPROVER, id, new DecisionRequest.Approve(REFERENCE, null));
        operations.transition(APPROVER, id, Transition.ACTIVATE, "Demo operation");
        LOG.infof("Loaded the demo operation %s (id %d); banner host spoof-demo.localhost", CODE_NAME, id);
    }

    private static BannerRequest banner(LocalDateTime reveal) {
        Map<String, BannerRequest.Texts> texts = Map.of(
                "en",
                        new BannerRequest.Texts(
                                "This website has been seized",
                                "{domain} was seized on {date} by the Northshire Police Cyber Crime Unit, the National Fraud Investigation "
                                        + "Agency and the Federal Telecom Fraud Task Force under an order of the Northshire Crown Court.",
                                "spoof-demo sold caller-ID spoofing to fraudsters who posed as banks to steal from their victims.\n"
                                        + "{operation} has identified its operators and its users. Using spoofing services for "
                                        + "criminal purposes is illegal.",
                                "Were you called by a fake bank? Find out what to do",
                                "The next announcement will be published in"),
                "de",
                        new BannerRequest.Texts(
                                "Diese Website wurde beschlagnahmt",
                                "{domain} wurde am {date} auf Anordnung des Northshire Crown Court beschlagnahmt.",
                                "Die Nutzung von Spoofing-Diensten für kriminelle Zwecke ist strafbar.",
                                "Wurden Sie von einer falschen Bank angerufen? Mehr erfahren",
                                "Die nächste Mitteilung erscheint in"),
                "ar",
                        new BannerRequest.Texts(
                                "تم ضبط هذا الموقع",
                                "تم ضبط {domain} بتاريخ {date} بأمر من المحكمة.",
                                "استخدام خدمات انتحال الهوية لأغراض إجرامية مخالف للقانون.",
                                "هل تلقيت اتصالاً من بنك مزيف؟ اعرف المزيد",
                                "سيتم نشر الإعلان التالي خلال"));
        BannerRequest.Stage stage = new BannerRequest.Stage(
                reveal,
                Map.of(
                        "en",
                                new BannerRequest.StageTexts(
                                        "To the users of spoof-demo",
                                        "We have the service's customer records. Don't be surprised when more visits follow."),
                        "de",
                                new BannerRequest.StageTexts(
                                        "An die Nutzer von spoof-demo",
                                        "Uns liegen die Kundendaten des Dienstes vor. Rechnen Sie mit weiteren Besuchen."),
                        "ar", new BannerRequest.StageTexts("إلى مستخدمي spoof-demo", "لدينا سجلات عملاء الخدمة.")));
        return new BannerRequest(
                "en",
                texts,
                new BannerRequest.CallToAction(
                        "https://police.example.org/switchboard", "switchboard@police.example.org"),
                List.of(stage),
                VisitLogMode.NONE,
                30);
    }

    private void addAgency(long operationId, String name, String website, int order, String emblem) {
        long agencyId = agencies.add(OFFICER, operationId, new AgencyRequest(name, website, order)).id;
        agencies.setEmblem(OFFICER, operationId, agencyId, "image/svg+xml", resource(emblem));
    }

    private static byte[] resource(String name) {
        try (InputStream in = DemoOperationLoader.class.getResourceAsStream("/demo/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing demo resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
