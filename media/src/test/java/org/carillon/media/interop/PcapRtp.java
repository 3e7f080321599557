package org.carillon.media.interop;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the RTP payloads of one payload type out of a classic libpcap file (Ethernet, IPv4, UDP), in file
 * order: what SIPp's {@code play_pcap_audio} will send. Enough for SIPp's sample captures; not a general
 * pcap reader.
 */
final class PcapRtp {

    private static final int LINKTYPE_ETHERNET = 1;

    private PcapRtp() {
    }

    /** The concatenated payloads of every UDP/RTP packet with payload type {@code pt}. */
    static byte[] payloads(Path pcap, int pt) {
        try {
            byte[] bytes = Files.readAllBytes(pcap);
            // file and record headers are in the writer's byte order; the packets themselves in network order
            ByteBuffer file = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            if (file.getInt(0) != 0xA1B2C3D4) {
                file.order(ByteOrder.BIG_ENDIAN); // written on a big-endian host
            }
            ByteBuffer b = ByteBuffer.wrap(bytes);
            if (file.getInt(0) != 0xA1B2C3D4 || file.getInt(20) != LINKTYPE_ETHERNET) {
                throw new IllegalArgumentException(pcap + ": not a microsecond libpcap Ethernet capture");
            }
            var out = new ByteArrayOutputStream();
            int at = 24;
            while (at + 16 <= bytes.length) {
                int captured = file.getInt(at + 8);
                int frame = at + 16;
                at = frame + captured;
                int ip = frame + 14;
                if ((b.getShort(frame + 12) & 0xFFFF) != 0x0800 || (b.get(ip + 9) & 0xFF) != 17) {
                    continue; // not IPv4/UDP
                }
                int udp = ip + (b.get(ip) & 0x0F) * 4;
                int rtp = udp + 8;
                int rtpLength = (b.getShort(udp + 4) & 0xFFFF) - 8;
                if (rtpLength < 12 || (b.get(rtp + 1) & 0x7F) != pt) {
                    continue;
                }
                int header = 12 + 4 * (b.get(rtp) & 0x0F); // CSRCs; the samples have no extension or padding
                out.write(bytes, rtp + header, rtpLength - header);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
