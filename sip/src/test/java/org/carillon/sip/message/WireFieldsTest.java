package org.carillon.sip.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.syntax.SipParseException;
import org.carillon.sip.uri.Uri;
import org.junit.jupiter.api.Test;

/**
 * The byte-level fast paths of {@link WireFields} against the string parsers they stand in for:
 * on the Via, From/To-like and URI values of every test message and on 300,000 mutations of
 * them, a fast result is either null (the parser then runs the string parser) or equal to what
 * the string parser returns; where the string parser refuses a value, the fast path returns null.
 * The check-only mode ({@code build} false) of name-addrs and URIs accepts exactly what the building mode accepts.
 */
class WireFieldsTest {
    private static final byte[] INTERESTING = " \t;,:=<>\"\\%[]@/?.-+0951aZ\u007f".getBytes(StandardCharsets.ISO_8859_1);
    private static final SipParser LENIENT = new SipParser(ParseMode.LENIENT, SipParserLimits.DEFAULTS);

    @Test
    void fastViaIsNullOrEqualToTheStringParsersVia() throws Exception {
        int hits = check(values(HeaderName.VIA), (w, v) -> w.via(0, v.length), WireFieldsTest::singleVia, false);
        assertThat(hits).isGreaterThan(1_000);
    }

    /** The string parser's Via as the fast path gives it: the entry of a one-entry field, else the list (never equal). */
    private static Object singleVia(String value) {
        List<Via> entries = Via.parseList(value);
        return entries.size() == 1 ? entries.getFirst() : entries;
    }

    @Test
    void fastNameAddrIsNullOrEqualToTheStringParsersAddress() throws Exception {
        Set<byte[]> values = values(HeaderName.FROM);
        values.addAll(values(HeaderName.TO));
        values.addAll(values(HeaderName.CONTACT));
        values.addAll(values(HeaderName.RECORD_ROUTE));
        int hits = check(values, (w, v) -> w.address(0, v.length), Address::parse, true);
        assertThat(hits).isGreaterThan(1_000);
    }

    @Test
    void fastSipUriIsNullOrEqualToTheStringParsersUri() throws Exception {
        int hits = check(requestUris(), (w, v) -> w.sipUri(0, v.length), Uri::parse, true);
        assertThat(hits).isGreaterThan(1_000);
    }

    @Test
    void fastCallIdIsNullOrEqualToTheCheckedString() throws Exception {
        int hits = check(values(HeaderName.CALL_ID), (w, v) -> w.callId(0, v.length), SipMessage::checkCallId, false);
        assertThat(hits).isGreaterThan(1_000);
    }

    @Test
    void commonFormsTakeTheFastPath() {
        byte[] via = "SIP/2.0/UDP 192.0.2.101:5060;branch=z9hG4bKnashds8;rport=5060;received=192.0.2.101".getBytes(StandardCharsets.US_ASCII);
        assertThat(new WireFields(via, true).via(0, via.length)).isEqualTo(Via.parseFirst(new String(via, StandardCharsets.US_ASCII)));
        byte[] from = "\"Alice Liddell\" <sip:alice@atlanta.example.com;user=phone>;tag=9fxced76sl".getBytes(StandardCharsets.US_ASCII);
        assertThat(new WireFields(from, true).address(0, from.length)).isEqualTo(Address.parse(new String(from, StandardCharsets.US_ASCII)));
    }

    @Test
    void hostLabelsAreCheckedInTheRunThatReadsThem() {
        for (String bad : new String[] {"a-.b", ".a", "a..b", "-a", "a-", "a.-b", "..", "."}) {
            byte[] u = ("sip:x@" + bad + ";lr").getBytes(StandardCharsets.US_ASCII);
            assertThat(new WireFields(u, true).sipUri(0, u.length)).as(bad).isNull();
        }
        for (String good : new String[] {"a--b.c", "a.", "x1.example.com", "192.0.2.1", "a", "9a.b-c.d"}) {
            String text = "sip:x@" + good + ":5060;lr";
            byte[] u = text.getBytes(StandardCharsets.US_ASCII);
            assertThat(new WireFields(u, true).sipUri(0, u.length)).as(good).isEqualTo(Uri.parse(text));
        }
    }

    private interface Fast {
        Object apply(WireFields w, byte[] value);
    }

    /** Checks every value and 100 mutants of each (up to 300,000); returns how many took the fast path. */
    private static int check(Set<byte[]> values, Fast fast, Function<String, ?> slow, boolean checkOnlyToo) {
        List<byte[]> inputs = new ArrayList<>(values);
        Random random = new Random(3261);
        List<byte[]> seeds = List.copyOf(inputs);
        int perSeed = Math.max(1, 300_000 / Math.max(1, seeds.size()));
        for (byte[] seed : seeds) {
            for (int k = 0; k < perSeed && k < 2_000; k++) {
                inputs.add(mutate(seed, random));
            }
        }
        int hits = 0;
        for (byte[] v : inputs) {
            Object f = fast.apply(new WireFields(v, true), v);
            Object checked = checkOnlyToo ? fast.apply(new WireFields(v, false), v) : f;
            assertThat(checked == null).as("check-only agrees on %s", new String(v, StandardCharsets.ISO_8859_1)).isEqualTo(f == null);
            Object s;
            try {
                s = slow.apply(new String(v, StandardCharsets.UTF_8));
            } catch (SipParseException e) {
                s = e;
            }
            if (f != null) {
                hits++;
                assertThat(f).as("fast path on %s", new String(v, StandardCharsets.ISO_8859_1)).isEqualTo(s);
            }
        }
        return hits;
    }

    /** One to three edits (replace, insert, delete) with characters that matter to the grammar. */
    private static byte[] mutate(byte[] seed, Random r) {
        byte[] v = seed;
        for (int n = 1 + r.nextInt(3); n > 0 && v.length > 0; n--) {
            int at = r.nextInt(v.length);
            byte c = INTERESTING[r.nextInt(INTERESTING.length)];
            if (r.nextInt(8) == 0) {
                c = (byte) (0x80 + r.nextInt(0x80));
            }
            switch (r.nextInt(3)) {
                case 0 -> {
                    v = v.clone();
                    v[at] = c;
                }
                case 1 -> {
                    byte[] w = new byte[v.length + 1];
                    System.arraycopy(v, 0, w, 0, at);
                    w[at] = c;
                    System.arraycopy(v, at, w, at + 1, v.length - at);
                    v = w;
                }
                default -> {
                    byte[] w = new byte[v.length - 1];
                    System.arraycopy(v, 0, w, 0, at);
                    System.arraycopy(v, at + 1, w, at, v.length - at - 1);
                    v = w;
                }
            }
        }
        return trim(v);
    }

    /** As the parser hands them over: no CR/LF, no SP/HTAB at either end. */
    private static byte[] trim(byte[] v) {
        int a = 0;
        int z = v.length;
        while (a < z && (v[a] == ' ' || v[a] == '\t')) {
            a++;
        }
        while (z > a && (v[z - 1] == ' ' || v[z - 1] == '\t')) {
            z--;
        }
        return java.util.Arrays.copyOfRange(v, a, z);
    }

    private static Set<byte[]> values(HeaderName name) throws Exception {
        Set<byte[]> out = new LinkedHashSet<>();
        for (SipMessage m : messages()) {
            SipHeaders h = m.headers();
            for (int i = h.indexOf(name); i >= 0; i = h.indexOf(name, i + 1)) {
                if (h.isRawSlice(i)) {
                    out.add(java.util.Arrays.copyOfRange(h.src(), h.start(i), h.end(i)));
                }
            }
        }
        return out;
    }

    private static Set<byte[]> requestUris() throws Exception {
        Set<byte[]> out = new LinkedHashSet<>();
        for (SipMessage m : messages()) {
            if (m instanceof SipRequest r) {
                out.add(r.rawRequestUri().getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        for (byte[] v : values(HeaderName.FROM)) { // the URIs inside name-addrs too
            String s = new String(v, StandardCharsets.ISO_8859_1);
            int open = s.indexOf('<');
            int close = s.indexOf('>', open + 1);
            if (open >= 0 && close > open) {
                out.add(s.substring(open + 1, close).getBytes(StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static List<SipMessage> messages() throws IOException, URISyntaxException {
        List<SipMessage> out = new ArrayList<>();
        for (String dir : new String[] {"/fuzz/seeds", "/torture/rfc4475", "/torture/rfc5118"}) {
            try (Stream<Path> files = Files.list(Path.of(WireFieldsTest.class.getResource(dir).toURI()))) {
                for (Path p : files.sorted().toList()) {
                    try {
                        out.add(LENIENT.parse(Files.readAllBytes(p)));
                    } catch (SipParseException e) {
                        // a message the lenient parser refuses has no fields to take values from
                    }
                }
            }
        }
        return out;
    }
}
