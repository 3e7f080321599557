package org.carillon.bench.sip;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.StringMsgParser;
import io.pkts.buffer.Buffers;
import java.util.concurrent.TimeUnit;
import org.carillon.sip.message.ParseMode;
import org.carillon.sip.message.SipMessage;
import org.carillon.sip.message.SipParser;
import org.carillon.sip.message.SipParserLimits;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Parse a ~1 kB INVITE and a REGISTER and read the routing headers (top Via branch, Call-ID,
 * From tag, CSeq number): Carillon's parser in the wire-default mode (the one the torture tests
 * use; routing headers and Request-URI fully validated, every header line checked) and in STRICT
 * mode (every known header parsed), beside pkts-sip and JAIN-SIP (NIST RI), single-threaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "-Xmx1g"})
public class SipParseBenchmark {
    private final SipParser wire = SipParser.wireDefault();
    private final SipParser strict = new SipParser(ParseMode.STRICT, SipParserLimits.DEFAULTS);
    private final StringMsgParser jain = new StringMsgParser();

    private static void read(SipMessage m, Blackhole bh) {
        bh.consume(m.topVia().branch());
        bh.consume(m.callId());
        bh.consume(m.from().tag());
        bh.consume(m.cseq().number());
    }

    @Benchmark
    public void carillonInviteWire(Blackhole bh) {
        read(wire.parse(BenchMessages.INVITE), bh);
    }

    @Benchmark
    public void carillonInviteStrict(Blackhole bh) {
        read(strict.parse(BenchMessages.INVITE), bh);
    }

    @Benchmark
    public void carillonRegisterWire(Blackhole bh) {
        read(wire.parse(BenchMessages.REGISTER), bh);
    }

    @Benchmark
    public void pktsInvite(Blackhole bh) throws Exception {
        readPkts(io.pkts.packet.sip.SipMessage.frame(Buffers.wrap(BenchMessages.INVITE)), bh);
    }

    @Benchmark
    public void pktsRegister(Blackhole bh) throws Exception {
        readPkts(io.pkts.packet.sip.SipMessage.frame(Buffers.wrap(BenchMessages.REGISTER)), bh);
    }

    private static void readPkts(io.pkts.packet.sip.SipMessage m, Blackhole bh) {
        bh.consume(m.getViaHeader().getBranch());
        bh.consume(m.getCallIDHeader().getCallId());
        bh.consume(m.getFromHeader().getTag());
        bh.consume(m.getCSeqHeader().getSeqNumber());
    }

    @Benchmark
    public void jainInvite(Blackhole bh) throws Exception {
        readJain(jain.parseSIPMessage(BenchMessages.INVITE, true, false, null), bh);
    }

    @Benchmark
    public void jainRegister(Blackhole bh) throws Exception {
        readJain(jain.parseSIPMessage(BenchMessages.REGISTER, true, false, null), bh);
    }

    private static void readJain(SIPMessage m, Blackhole bh) {
        bh.consume(m.getTopmostVia().getBranch());
        bh.consume(m.getCallId().getCallId());
        bh.consume(m.getFrom().getTag());
        bh.consume(m.getCSeq().getSeqNumber());
    }
}
