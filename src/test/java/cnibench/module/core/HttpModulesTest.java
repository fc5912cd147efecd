package cnibench.module.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cnibench.module.spi.ModuleResult;
import cnibench.module.spi.TestModuleContext;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** uri and get_url against an HTTP server on 127.0.0.1. */
class HttpModulesTest {
    @TempDir
    Path tmp;

    private HttpServer server;
    private String base;
    private final AtomicReference<String> lastBody = new AtomicReference<>();
    private final AtomicReference<String> lastAuth = new AtomicReference<>();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/j.json", ex -> reply(ex, 200, "application/json", "{\"a\": 1}\n"));
        server.createContext("/t.txt", ex -> reply(ex, 200, "text/plain", "hi\n"));
        server.createContext("/echo", ex -> {
            lastBody.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            lastAuth.set(ex.getRequestHeaders().getFirst("Authorization"));
            reply(ex, 201, "text/plain; charset=utf-8", ex.getRequestHeaders().getFirst("Content-Type"));
        });
        server.createContext("/moved", ex -> {
            ex.getResponseHeaders().add("Location", "/t.txt");
            ex.sendResponseHeaders(302, -1);
            ex.close();
        });
        server.createContext("/", ex -> reply(ex, 404, "text/html", "nope"));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, int status, String type, String body) throws java.io.IOException {
        byte[] data = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, data.length);
        ex.getResponseBody().write(data);
        ex.close();
    }

    private ModuleResult uri(Object... args) throws Exception {
        return new TestModuleContext(tmp).run(new UriModule(), Args.of(args));
    }

    private ModuleResult getUrl(TestModuleContext ctx, Object... args) throws Exception {
        return ctx.run(new GetUrlModule(), Args.of(args));
    }

    @Test
    void uriParsesJsonAndReportsHeaders() throws Exception {
        ModuleResult r = uri("url", base + "/j.json", "timeout", 5);
        assertFalse(r.isChanged());
        assertFalse(r.isFailed());
        assertEquals(200, r.field("status"));
        assertEquals("OK (9 bytes)", r.msg());
        assertEquals(Map.of("a", 1), r.field("json"));
        assertEquals("application/json", r.field("content_type"));
        assertEquals("9", r.field("content_length"));
        assertEquals(false, r.field("redirected"));
        assertEquals(base + "/j.json", r.field("url"));
        assertEquals(Map.of(), r.field("cookies"));
        assertNull(r.field("content"));
    }

    @Test
    void uriReturnContentAndRedirect() throws Exception {
        ModuleResult r = uri("url", base + "/moved", "return_content", true);
        assertEquals("hi\n", r.field("content"));
        assertEquals(true, r.field("redirected"));
        assertEquals(base + "/t.txt", r.field("url"));
    }

    @Test
    void uriStatusCodeMismatchAndConnectionRefused() throws Exception {
        ModuleResult r = uri("url", base + "/nope");
        assertTrue(r.isFailed());
        assertEquals(404, r.field("status"));
        assertEquals("Status code was 404 and not [200]: HTTP Error 404: Not Found", r.msg());
        assertFalse(uri("url", base + "/nope", "status_code", List.of(200, 404)).isFailed());
        ModuleResult refused = uri("url", "http://127.0.0.1:1/nope", "timeout", 5);
        assertEquals(-1, refused.field("status"));
        assertEquals("Status code was -1 and not [200]: Request failed: <urlopen error [Errno 111] Connection refused>", refused.msg());
    }

    @Test
    void uriPostsJsonAndFormBodiesWithBasicAuth() throws Exception {
        ModuleResult r = uri("url", base + "/echo", "method", "POST", "body", Map.of("k", "v"), "body_format", "json",
                "status_code", "201", "return_content", true, "url_username", "u", "url_password", "p", "force_basic_auth", true);
        assertFalse(r.isFailed());
        assertEquals("{\"k\":\"v\"}", lastBody.get());
        assertEquals("application/json", r.field("content"));
        assertEquals("Basic dTpw", lastAuth.get());
        uri("url", base + "/echo", "method", "POST", "body", Map.of("a", "b c"), "body_format", "form-urlencoded", "status_code", 201);
        assertEquals("a=b+c", lastBody.get());
        assertEquals("Parameter 'method' needs to be a single word in uppercase, like GET or POST.", uri("url", base, "method", "GE T").msg());
    }

    @Test
    void getUrlDownloadsOnceAndReportsChecksums() throws Exception {
        Path dest = tmp.resolve("g.txt");
        ModuleResult r = getUrl(new TestModuleContext(tmp), "url", base + "/t.txt", "dest", dest.toString());
        assertTrue(r.isChanged());
        assertEquals("OK (3 bytes)", r.msg());
        assertEquals("55ca6286e3e4f4fba5d0448333fa99fc5a404a73", r.field("checksum_src"));
        assertNull(r.field("checksum_dest"));
        assertEquals("764efa883dda1e11db47671c4a3bbd9e", r.field("md5sum"));
        assertEquals(200, r.field("status_code"));
        assertEquals("file", r.field("state"));
        assertEquals("hi\n", Files.readString(dest));
        ModuleResult again = getUrl(new TestModuleContext(tmp), "url", base + "/t.txt", "dest", dest.toString(), "force", true);
        assertFalse(again.isChanged());
        assertEquals("55ca6286e3e4f4fba5d0448333fa99fc5a404a73", again.field("checksum_dest"));
    }

    @Test
    void getUrlIntoDirectoryWithChecksum() throws Exception {
        ModuleResult r = getUrl(new TestModuleContext(tmp), "url", base + "/t.txt", "dest", tmp.toString(),
                "checksum", "sha256:98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4");
        assertEquals(tmp.resolve("t.txt").toString(), r.field("dest"));
        ModuleResult present = getUrl(new TestModuleContext(tmp), "url", base + "/t.txt", "dest", tmp.resolve("t.txt").toString(),
                "checksum", "sha256:98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4");
        assertFalse(present.isChanged());
        assertEquals("file already exists", present.msg());
        ModuleResult bad = getUrl(new TestModuleContext(tmp), "url", base + "/t.txt", "dest", tmp.resolve("g3.txt").toString(), "checksum", "sha256:abc");
        assertEquals("The checksum for " + tmp.resolve("g3.txt") + " did not match abc; it was "
                + "98ea6e4f216f2fb4b69fff9b3a44842c38686ca685f3f55dc48c5d3fb1107be4.", bad.msg());
        assertFalse(Files.exists(tmp.resolve("g3.txt")));
    }

    @Test
    void getUrlErrorsAndCheckMode() throws Exception {
        ModuleResult r = getUrl(new TestModuleContext(tmp), "url", base + "/nope", "dest", tmp.resolve("g2.txt").toString());
        assertTrue(r.isFailed());
        assertEquals("Request failed", r.msg());
        assertEquals(404, r.field("status_code"));
        assertEquals("HTTP Error 404: Not Found", r.field("response"));
        ModuleResult check = getUrl(new TestModuleContext(tmp).check(true), "url", base + "/t.txt", "dest", tmp.resolve("c.txt").toString());
        assertTrue(check.isChanged());
        assertFalse(Files.exists(tmp.resolve("c.txt")));
    }
}
