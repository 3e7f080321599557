package org.carillon.platform.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A small browser for integration tests against a real server: keeps cookies, reads the CSRF token from forms,
 * signs in through the login form. No redirects are followed, so tests see them.
 */
public final class WebClient {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private final String base;
    private final HttpClient http;
    private final Map<String, String> headers;

    public WebClient(int port) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.headers = Map.of();
    }

    private WebClient(int port, InetAddress from, Map<String, String> headers) {
        this.base = "http://127.0.0.1:" + port;
        this.http = HttpClient.newBuilder().cookieHandler(new BrowserSideOfTls()).localAddress(from)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        this.headers = Map.copyOf(headers);
    }

    /**
     * A browser behind a reverse proxy, as the app sees it: each request is sent from {@code from} (another loopback
     * address, e.g. 127.0.0.2: Linux answers on all of 127.0.0.0/8) with the proxy's {@code headers}. Its cookies
     * are kept as the browser on the other side of the proxy's TLS keeps them: {@code Secure} ones are sent too.
     */
    public static WebClient from(int port, String from, Map<String, String> headers) {
        try {
            return new WebClient(port, InetAddress.getByName(from), headers);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(from, e);
        }
    }

    /** Cookies stored and sent as for https, whatever the plain connection to the app. */
    private static final class BrowserSideOfTls extends CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, java.util.List<String>> get(URI uri, Map<String, java.util.List<String>> requestHeaders)
                throws IOException {
            return cookies.get(https(uri), requestHeaders);
        }

        @Override
        public void put(URI uri, Map<String, java.util.List<String>> responseHeaders) throws IOException {
            cookies.put(https(uri), responseHeaders);
        }

        private static URI https(URI uri) {
            return URI.create("https" + uri.toString().substring(uri.getScheme().length()));
        }
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
    }

    /**
     * The status of a GET that returns as soon as the headers are in, its body left unread and closed: for
     * server-sent event streams, which never end.
     */
    public int streamStatus(String path) {
        try {
            var r = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET whose body is kept as bytes (downloads). */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> getJson(String path, String basicUser, String basicPassword) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET();
        if (basicUser != null) {
            b.header("Authorization", basic(basicUser, basicPassword));
        }
        return send(b);
    }

    public HttpResponse<String> postForm(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> postJson(String path, String json, String basicUser, String basicPassword) {
        var b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        if (basicUser != null) {
            b.header("Authorization", basic(basicUser, basicPassword));
        }
        return send(b);
    }

    /** The CSRF token of the first form on a page. */
    public String csrfToken(String path) {
        Matcher m = CSRF.matcher(get(path).body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on " + path);
        }
        return m.group(1);
    }

    /** Signs in through the login form; returns the response to the form POST. */
    public HttpResponse<String> login(String email, String password) {
        String token = csrfToken("/login");
        return postForm("/login", Map.of("username", email, "password", password, "_csrf", token));
    }

    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) {
        headers.forEach(builder::header);
        try {
            return http.send(builder.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
