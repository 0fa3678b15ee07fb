package org.takedown.support;

import static io.restassured.RestAssured.given;

/** Reads a series from a service's Prometheus endpoint (the management port). */
public final class Prometheus {

    /** The test profile's management port. */
    public static final int TEST_PORT = 9001;

    private Prometheus() {}

    /** The value of the series written exactly so ({@code name{label="v"}}), 0 when it is not exposed (yet). */
    public static double value(int port, String series) {
        String exposition = given().port(port)
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return exposition
                .lines()
                .filter(line -> line.startsWith(series + " "))
                .findFirst()
                .map(line ->
                        Double.parseDouble(line.substring(series.length() + 1).trim()))
                .orElse(0.0);
    }

    public static double value(String series) {
        return value(TEST_PORT, series);
    }
}
