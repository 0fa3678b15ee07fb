package org.takedown.bench;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.takedown.delivery.Delivery;
import org.takedown.delivery.DeliveryReceipt;
import org.takedown.support.Api;
import org.takedown.support.PostgresSmscProfile;
import org.takedown.victim.sms.SmsCampaignTest;
import org.takedown.victim.sms.smpp.FakeSmsc;

/**
 * Run by {@code bench/sms.sh}, not by {@code ./mvnw verify} (the name does not end in Test): a campaign to
 * {@code bench.recipients} victims (default 70,000, the iSpoof campaign) through the real run builder, dispatcher, SMS
 * channel and jSMPP client on an embedded PostgreSQL, against the fake SMSC allowing {@code bench.rate} messages a second (default 100) and
 * answering ESME_RTHROTTLED beyond, with a DELIVRD receipt for every message. Prints the achieved rate against the
 * allowed one, the throttled answers, and how many rows their receipts delivered.
 */
@QuarkusTest
@TestProfile(SmsThroughputBench.AtTheSmscsRate.class)
public class SmsThroughputBench {

    /**
     * The SMS test profile on PostgreSQL (the production database: H2's claim query scans every waiting row, which at
     * 70,000 rows is the bottleneck) at the bench's rate, with production's headroom and dispatch.
     */
    public static class AtTheSmscsRate extends PostgresSmscProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("quarkus.test.hang-detection-timeout", "60m");
            overrides.put("takedown.victims.sms.rate", Integer.toString(Integer.getInteger("bench.rate", 100)));
            overrides.remove("takedown.victims.sms.dispatch.poll");
            return overrides;
        }
    }

    FakeSmsc smsc;

    @Test
    void aCampaignAtTheSmscsRate() {
        int recipients = Integer.getInteger("bench.recipients", 70_000);
        double allowed = Integer.getInteger("bench.rate", 100);
        smsc.rate(allowed).autoReceipts(true);
        long setup = System.nanoTime();
        long[] ids = SmsCampaignTest.activeCampaign(list(recipients), bodyCuts(recipients), -60, null, null);
        double prepared = (System.nanoTime() - setup) / 1e9;
        String run = SmsCampaignTest.run(ids[0], ids[1]);
        long started = System.nanoTime();
        Api.as("officer1").post(run).then().statusCode(201);
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> "SENDING".equals(Api.as("viewer1").get(run).path("status")));
        double built = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofSeconds((long) (recipients / allowed * 1.5) + 120))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> count("DELIVERED", ids[0]) == recipients);
        List<Long> times = smsc.submitted.stream()
                .filter(s -> s.destination().startsWith("447400"))
                .map(FakeSmsc.Submitted::acceptedNanos)
                .sorted()
                .toList();
        double seconds = (times.get(times.size() - 1) - times.get(0)) / 1e9;
        double achieved = (times.size() - 1) / seconds;
        long receipts = QuarkusTransaction.requiringNew()
                .call(() -> DeliveryReceipt.count(
                        "channel = 'sms' and status = ?1 and deliveryId is not null",
                        DeliveryReceipt.Status.DELIVERED));
        System.out.printf(
                "RESULT recipients=%d submitted=%d seconds=%.1f achieved=%.2f/s allowed=%.0f/s ratio=%.3f throttled=%d"
                        + " delivered=%d receipts-matched=%d%n",
                recipients,
                times.size(),
                seconds,
                achieved,
                allowed,
                achieved / allowed,
                smsc.throttled.get(),
                count("DELIVERED", ids[0]),
                receipts);
        System.out.printf(
                "DETAIL import+campaign+approval %.1f s, run built in %.1f s, receipts the SMSC could not send %d%n",
                prepared, built, smsc.failedReceipts.get());
        assertEquals(recipients, times.size(), "every victim texted exactly once");
    }

    private static long count(String status, long operationId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Delivery.count(
                        "channel = 'sms' and operationId = ?1 and status = ?2",
                        operationId,
                        org.takedown.delivery.DeliveryStatus.valueOf(status)));
    }

    /** Row i: the mobile 07400 000000 + i (a real UK mobile range: the fake SMSC on loopback is the only receiver). */
    static String list(int rows) {
        StringBuilder csv = new StringBuilder("phone,name,bank\r\n");
        for (int i = 0; i < rows; i++) {
            csv.append(String.format("07400 %06d,Victim %d,Bank %d\r\n", i, i, i % 20));
        }
        return csv.toString();
    }

    /** Where to cut the file into upload parts of under a megabyte, at row ends. */
    static int[] bodyCuts(int rows) {
        byte[] file = list(rows).getBytes(StandardCharsets.UTF_8);
        List<Integer> cuts = new ArrayList<>();
        int from = 0;
        while (file.length - from > 900_000) {
            int cut = from + 900_000;
            while (file[cut - 1] != '\n') {
                cut--;
            }
            cuts.add(cut);
            from = cut;
        }
        return cuts.stream().mapToInt(Integer::intValue).toArray();
    }
}
