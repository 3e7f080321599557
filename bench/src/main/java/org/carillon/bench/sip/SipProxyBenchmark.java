package org.carillon.bench.sip;

import gov.nist.javax.sip.header.SIPHeader;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.pkts.buffer.Buffers;
import io.pkts.packet.sip.header.RecordRouteHeader;
import io.pkts.packet.sip.header.ViaHeader;
import java.util.concurrent.TimeUnit;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipRequest;
import org.carillon.sip.message.header.Address;
import org.carillon.sip.message.header.Via;
import org.carillon.sip.uri.Uri;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The proxy-like round trip on the ~1 kB INVITE: parse, add a Via and a Record-Route on top,
 * change the Request-URI, serialize to bytes. The added headers are built once per trial for every
 * library (a proxy makes a new branch per request, which costs the same everywhere).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class SipProxyBenchmark {
    private static final String VIA = "SIP/2.0/UDP proxy.biloxi.example.com:5060;branch=z9hG4bK2d4790.1";
    private static final String RECORD_ROUTE = "<sip:proxy.biloxi.example.com;lr>";
    private static final String TARGET = "sip:bob@192.0.2.4:5060";

    private final SipParser wire = SipParser.wireDefault();
    private Via via;
    private Address recordRoute;
    private Uri target;

    private ViaHeader pktsVia;
    private RecordRouteHeader pktsRecordRoute;

    private final StringMsgParser jain = new StringMsgParser();
    private javax.sip.address.URI jainTarget;
    private SIPHeader jainVia;
    private SIPHeader jainRecordRoute;

    @Setup
    public void setUp() throws Exception {
        via = Via.parseFirst(VIA);
        recordRoute = Address.parse(RECORD_ROUTE);
        target = Uri.parse(TARGET);
        pktsVia = ViaHeader.frame(Buffers.wrap(VIA));
        pktsRecordRoute = RecordRouteHeader.frame(Buffers.wrap(RECORD_ROUTE));
        jainTarget = jain.parseSIPUrl(TARGET);
        jainVia = StringMsgParser.parseSIPHeader("Via: " + VIA);
        jainRecordRoute = StringMsgParser.parseSIPHeader("Record-Route: " + RECORD_ROUTE);
    }

    @Benchmark
    public byte[] carillonProxy() {
        SipRequest r = (SipRequest) wire.parse(BenchMessages.INVITE);
        r.pushVia(via);
        r.pushRecordRoute(recordRoute);
        r.setRequestUri(target);
        return r.toBytes();
    }

    @Benchmark
    public byte[] pktsProxy() throws Exception {
        io.pkts.packet.sip.SipRequest r = io.pkts.packet.sip.SipMessage.frame(Buffers.wrap(BenchMessages.INVITE)).toRequest();
        io.pkts.packet.sip.SipRequest out = r.copy()
                .withRequestURI(TARGET)
                .withTopMostViaHeader(pktsVia)
                .withTopMostRecordRouteHeader(pktsRecordRoute)
                .build();
        return out.toBuffer().getArray();
    }

    @Benchmark
    public byte[] jainProxy() throws Exception {
        SIPRequest r = (SIPRequest) jain.parseSIPMessage(BenchMessages.INVITE, true, false, null);
        r.addFirst((SIPHeader) jainVia.clone()); // JAIN headers are mutable: one copy per message
        r.addFirst((SIPHeader) jainRecordRoute.clone());
        r.setRequestURI(jainTarget);
        return r.encodeAsBytes("UDP");
    }
}
