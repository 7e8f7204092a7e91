package dev.triage.plugin.metrics.infrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.plugin.metrics.application.PrometheusSource;
import dev.triage.plugin.metrics.domain.Series;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * Talks to a Prometheus-compatible HTTP API (Prometheus, VictoriaMetrics, Thanos query) with {@code java.net.http}:
 * {@code query_range}, {@code series}, {@code labels} and {@code label/NAME/values}, sent as form POSTs so long queries
 * fit. Basic auth or a bearer token (held as a char array, never logged); TLS verified unless told otherwise.
 */
public final class PrometheusHttpClient implements PrometheusSource {

    /** How the client authenticates. */
    public sealed interface Auth {
        /** No authentication. */
        record None() implements Auth {
        }

        /**
         * HTTP basic authentication.
         *
         * @param user the user
         * @param password the password
         */
        record Basic(String user, char[] password) implements Auth {
            @Override
            public String toString() {
                return "Basic[" + user + ", password hidden]";
            }
        }

        /**
         * A bearer token.
         *
         * @param token the token
         */
        record Bearer(char[] token) implements Auth {
            @Override
            public String toString() {
                return "Bearer[token hidden]";
            }
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI base;
    private final HttpClient http;
    private final String authorization;
    private final Duration timeout;

    /**
     * Creates a client.
     *
     * @param base the server's URL, e.g. {@code http://127.0.0.1:9090} (a path prefix such as {@code /prometheus} is kept)
     * @param auth how to authenticate
     * @param insecureTls true to accept any TLS certificate (self-signed test clusters)
     * @param timeout the time limit of each request
     */
    public PrometheusHttpClient(URI base, Auth auth, boolean insecureTls, Duration timeout) {
        this(base, auth, insecureTls, null, timeout);
    }

    /**
     * Creates a client that trusts the certificate authority in a file (a server with its own CA or a self-signed
     * certificate) instead of the JDK's trusted roots; the server's name is still checked against its certificate.
     *
     * @param base the server's URL, {@code https://...}
     * @param auth how to authenticate
     * @param insecureTls true to accept any TLS certificate
     * @param caFile PEM certificates or a PKCS12/JKS trust store (no password) to trust, or null for the JDK's roots
     * @param timeout the time limit of each request
     */
    public PrometheusHttpClient(URI base, Auth auth, boolean insecureTls, Path caFile, Duration timeout) {
        String b = base.toString();
        this.base = URI.create(b.endsWith("/") ? b : b + "/");
        this.timeout = timeout;
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL);
        if (insecureTls) {
            builder.sslContext(trustAll());
        } else if (caFile != null) {
            builder.sslContext(trusting(caFile));
        }
        this.http = builder.build();
        if (auth instanceof Auth.Basic basic) {
            this.authorization = "Basic " + Base64.getEncoder().encodeToString(utf8(basic.user(), basic.password()));
        } else if (auth instanceof Auth.Bearer bearer) {
            this.authorization = "Bearer " + new String(bearer.token());
        } else {
            this.authorization = null;
        }
    }

    @Override
    public String address() {
        return base.toString().replaceAll("/$", "");
    }

    @Override
    public List<Series> queryRange(String promql, Instant from, Instant to, Duration step, String title) throws Exception {
        List<Series> out = new ArrayList<>();
        queryRange(promql, from, to, step, title, out::add);
        return out;
    }

    @Override
    public void queryRange(String promql, Instant from, Instant to, Duration step, String title,
            java.util.function.Consumer<Series> sink) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("query", promql);
        form.put("start", seconds(from));
        form.put("end", seconds(to));
        form.put("step", String.valueOf(step.toMillis() / 1000.0));
        HttpResponse<InputStream> r = send("api/v1/query_range", form);
        try (InputStream in = r.body()) {
            if (r.statusCode() / 100 != 2 && r.statusCode() != 400 && r.statusCode() != 422) {
                throw new IOException(address() + " answered HTTP " + r.statusCode() + " to query_range " + promql);
            }
            try {
                QueryResultReader.read(in, title, sink);
            } catch (IOException e) {
                throw new IOException("query '" + promql + "' on " + address() + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public List<String> labels() throws Exception {
        return strings(json("api/v1/labels", Map.of()));
    }

    @Override
    public List<String> labelValues(String label) throws Exception {
        return strings(json("api/v1/label/" + URLEncoder.encode(label, StandardCharsets.UTF_8) + "/values", Map.of()));
    }

    @Override
    public List<Map<String, String>> series(String match, Instant from, Instant to) throws Exception {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("match[]", match);
        form.put("start", seconds(from));
        form.put("end", seconds(to));
        List<Map<String, String>> out = new ArrayList<>();
        for (JsonNode s : json("api/v1/series", form)) {
            Map<String, String> labels = new java.util.TreeMap<>();
            s.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
            out.add(labels);
        }
        return out;
    }

    private JsonNode json(String path, Map<String, String> form) throws Exception {
        HttpResponse<InputStream> r = send(path, form);
        JsonNode root;
        try (InputStream in = r.body()) {
            root = JSON.readTree(in);
        } catch (IOException e) {
            throw new IOException(address() + "/" + path + " answered HTTP " + r.statusCode() + " without JSON", e);
        }
        if (!"success".equals(root.path("status").asText())) {
            throw new IOException(address() + "/" + path + ": " + root.path("error").asText("HTTP " + r.statusCode()));
        }
        return root.path("data");
    }

    private HttpResponse<InputStream> send(String path, Map<String, String> form) throws Exception {
        StringBuilder body = new StringBuilder();
        form.forEach((k, v) -> body.append(body.isEmpty() ? "" : "&").append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                .append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest.Builder req = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (form.isEmpty()) {
            req.GET();
        } else {
            req.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        }
        if (authorization != null) {
            req.header("Authorization", authorization);
        }
        HttpResponse<InputStream> r;
        try {
            r = http.send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (java.net.ConnectException e) {
            throw new IOException("Cannot connect to Prometheus at " + address() + ": " + e.getMessage(), e);
        }
        if (r.statusCode() == 401 || r.statusCode() == 403) {
            r.body().close();
            throw new IOException(address() + " refused the credentials (HTTP " + r.statusCode() + ")");
        }
        return r;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String seconds(Instant t) {
        return java.math.BigDecimal.valueOf(t.toEpochMilli()).movePointLeft(3).toPlainString();
    }

    private static byte[] utf8(String user, char[] password) {
        char[] joined = new char[user.length() + 1 + password.length];
        user.getChars(0, user.length(), joined, 0);
        joined[user.length()] = ':';
        System.arraycopy(password, 0, joined, user.length() + 1, password.length);
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(joined));
        Arrays.fill(joined, '\0');
        byte[] out = new byte[bb.remaining()];
        bb.get(out);
        return out;
    }

    /**
     * Builds a TLS context that trusts only the certificates in a file.
     *
     * @param caFile PEM certificates, or a PKCS12/JKS trust store without password
     * @return the context
     * @throws IllegalArgumentException when the file cannot be read or holds no certificate (the message names it)
     */
    static SSLContext trusting(Path caFile) {
        try {
            byte[] bytes = Files.readAllBytes(caFile);
            KeyStore store;
            if (new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1).contains("-----BEGIN CERTIFICATE")) {
                store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                int n = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                    store.setCertificateEntry("ca-" + n++, c);
                }
                if (n == 0) {
                    throw new IllegalArgumentException("No certificate in " + caFile);
                }
            } else {
                store = KeyStore.getInstance(caFile.toFile(), (char[]) null);
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(store);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, tmf.getTrustManagers(), null);
            return ctx;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot read the CA file " + caFile + " (PEM certificates or a trust store expected): "
                    + e.getMessage(), e);
        }
    }

    private static SSLContext trustAll() {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {
                }

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }}, null);
            return ctx;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
