package org.carillon.pbx.feature;

import org.carillon.platform.testing.WebClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A REST client for the feature tests: HTTP Basic as one user, JSON in and out. */
public final class Api {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    public Api(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = WebClient.basic(user, password);
    }

    /** A response with its body parsed (or null when it is empty or not JSON). */
    public record Reply(int status, String body, JsonNode json) {
        public String text(String field) {
            return json.path(field).asString();
        }
    }

    public Reply get(String path) {
        return send("GET", path, null);
    }

    public Reply post(String path, String json) {
        return send("POST", path, json);
    }

    public Reply patch(String path, String json) {
        return send("PATCH", path, json);
    }

    public Reply delete(String path) {
        return send("DELETE", path, null);
    }

    public Reply put(String path, String json) {
        return send("PUT", path, json);
    }

    public Reply send(String method, String path, String json) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json");
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return reply(exchange(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private static Reply reply(HttpResponse<String> r) {
        JsonNode node = null;
        if (!r.body().isBlank() && (r.body().startsWith("{") || r.body().startsWith("["))) {
            node = JSON.readTree(r.body());
        }
        return new Reply(r.statusCode(), r.body(), node);
    }

    private static <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary answer (audio): status, Content-Type, Content-Disposition and bytes. */
    public record Bytes(int status, String contentType, String disposition, byte[] body) {
    }

    /** GETs {@code path} as bytes (e.g. a voicemail's WAV). */
    public Bytes bytes(String path) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).GET().build();
        var r = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
        return new Bytes(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""),
                r.headers().firstValue("Content-Disposition").orElse(""), r.body());
    }

    /** PUTs raw bytes with {@code contentType} (an uploaded greeting). */
    public Reply putBytes(String path, String contentType, byte[] body) {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("Accept", "application/json")
                .header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return reply(exchange(request, HttpResponse.BodyHandlers.ofString()));
    }

    /** Creates an extension through the API; fails the test unless 201. */
    public Reply createExtension(String email, String role) {
        Reply r = post("/api/v1/extensions", """
                {"email": "%s", "firstName": "Test", "lastName": "User", "role": "%s"}""".formatted(email, role));
        if (r.status() != 201) {
            throw new AssertionError("create failed: " + r.status() + " " + r.body());
        }
        return r;
    }
}
