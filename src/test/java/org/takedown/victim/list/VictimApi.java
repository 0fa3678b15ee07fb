package org.takedown.victim.list;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.takedown.common.DeterministicJson;
import org.takedown.support.Api;

/** Victim lists and imports through the API, as the tests drive them. */
public final class VictimApi {

    private VictimApi() {}

    public static long list(long operationId, Map<String, Object> body) {
        return Api.as("officer1")
                .body(body)
                .post("/api/operations/{id}/victim-lists", operationId)
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static String imports(long operationId, long listId) {
        return "/api/operations/" + operationId + "/victim-lists/" + listId + "/imports";
    }

    static long newImport(long operationId, long listId, Object body) {
        return Api.as("officer1")
                .body(body)
                .post(imports(operationId, listId))
                .then()
                .statusCode(201)
                .body("status", equalTo("UPLOADING"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    static void put(long operationId, long listId, long importId, int part, byte[] bytes) {
        Api.as("officer1")
                .contentType("text/csv")
                .body(bytes)
                .put(imports(operationId, listId) + "/" + importId + "/parts/" + part)
                .then()
                .statusCode(200);
    }

    static Response complete(long operationId, long listId, long importId, int parts, String sha256) {
        Map<String, Object> body = sha256 == null ? Map.of("parts", parts) : Map.of("parts", parts, "sha256", sha256);
        return Api.as("officer1").body(body).post(imports(operationId, listId) + "/" + importId + "/complete");
    }

    static JsonPath finished(long operationId, long listId, long importId) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> Api.as("viewer1")
                                .get(imports(operationId, listId) + "/" + importId)
                                .then()
                                .statusCode(200)
                                .extract()
                                .jsonPath(),
                        json -> !List.of("UPLOADING", "READING").contains(json.getString("status")));
    }

    /** Uploads {@code file} in parts cut at these byte offsets, completes it and waits for the end. */
    public static JsonPath importFile(long operationId, long listId, byte[] file, int... cuts) {
        long importId = newImport(operationId, listId, Map.of());
        int from = 0;
        int part = 0;
        for (int cut : cuts) {
            put(operationId, listId, importId, ++part, Arrays.copyOfRange(file, from, cut));
            from = cut;
        }
        put(operationId, listId, importId, ++part, Arrays.copyOfRange(file, from, file.length));
        complete(operationId, listId, importId, part, DeterministicJson.sha256Hex(file))
                .then()
                .statusCode(202);
        return finished(operationId, listId, importId);
    }
}
