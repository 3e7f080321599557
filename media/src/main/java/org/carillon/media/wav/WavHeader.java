package org.carillon.media.wav;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Writes the canonical RIFF/WAVE header for {@link WavFormat}s (8 kHz mono). */
public final class WavHeader {

    private WavHeader() {
    }

    /** The header for {@code dataBytes} bytes of samples; RIFF and data sizes as the file will have them. */
    public static ByteBuffer of(WavFormat format, long dataBytes) {
        int header = format.headerLength();
        int fmtSize = format == WavFormat.PCM16 ? 16 : 18;
        ByteBuffer b = ByteBuffer.allocate(header).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt((int) Math.min(0xFFFF_FFFFL, header - 8 + dataBytes)).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(fmtSize).putShort((short) format.tag()).putShort((short) 1)
                .putInt(WavFormat.SAMPLE_RATE).putInt(WavFormat.SAMPLE_RATE * format.bytesPerSample())
                .putShort((short) format.bytesPerSample()).putShort((short) format.bits());
        if (fmtSize == 18) {
            b.putShort((short) 0); // cbSize: no extra format bytes
        }
        b.put(ascii("data")).putInt((int) Math.min(0xFFFF_FFFFL, dataBytes));
        return b.flip();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
