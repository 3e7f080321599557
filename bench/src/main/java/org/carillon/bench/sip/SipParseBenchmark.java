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

    /** Reads the four routing values; the sum keeps JMH (and the JIT) from dropping the work. */
    private static long read(SipMessage m) {
        return m.topVia().branch().orElseThrow().length() + m.callId().length()
                + m.from().tag().orElseThrow().length() + m.cseq().number();
    }

    @Benchmark
    public long carillonInviteWire() {
        return read(wire.parse(BenchMessages.INVITE));
    }

    @Benchmark
    public long carillonInviteStrict() {
        return read(strict.parse(BenchMessages.INVITE));
    }

    @Benchmark
    public long carillonRegisterWire() {
        return read(wire.parse(BenchMessages.REGISTER));
    }

    @Benchmark
    public long pktsInvite() throws Exception {
        return readPkts(io.pkts.packet.sip.SipMessage.frame(Buffers.wrap(BenchMessages.INVITE)));
    }

    @Benchmark
    public long pktsRegister() throws Exception {
        return readPkts(io.pkts.packet.sip.SipMessage.frame(Buffers.wrap(BenchMessages.REGISTER)));
    }

    private static long readPkts(io.pkts.packet.sip.SipMessage m) {
        return m.getViaHeader().getBranch().capacity() + m.getCallIDHeader().getCallId().capacity()
                + m.getFromHeader().getTag().capacity() + m.getCSeqHeader().getSeqNumber();
    }

    @Benchmark
    public long jainInvite() throws Exception {
        return readJain(jain.parseSIPMessage(BenchMessages.INVITE, true, false, null));
    }

    @Benchmark
    public long jainRegister() throws Exception {
        return readJain(jain.parseSIPMessage(BenchMessages.REGISTER, true, false, null));
    }

    private static long readJain(SIPMessage m) {
        return m.getTopmostVia().getBranch().length() + m.getCallId().getCallId().length()
                + m.getFrom().getTag().length() + m.getCSeq().getSeqNumber();
    }
}
