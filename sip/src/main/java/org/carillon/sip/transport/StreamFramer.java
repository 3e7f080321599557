package org.carillon.sip.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Cuts a TCP (or TLS) byte stream into SIP messages using the Content-Length header, which
 * RFC 3261 §18.3 makes mandatory on stream transports.
 *
 * <p>Emits {@link Frame.Message} for each complete message, {@link Frame.Ping} for an RFC 5626
 * §3.5.1 double-CRLF keep-alive, and {@link Frame.Broken} once when the stream cannot be framed
 * (header section over {@code maxHeaderBytes}, missing or bad Content-Length, total over
 * {@code maxMessageBytes}). After {@code Broken} the stream has lost sync and the framer
 * discards everything; the handler behind it answers 400 if it can and closes the connection.
 *
 * <p>Threads: one instance per connection, used only on that channel's event loop.
 */
final class StreamFramer extends ByteToMessageDecoder {

    private final int maxMessageBytes;
    private final int maxHeaderBytes;
    /** Where the search for the blank line resumes, relative to the reader index; avoids rescans. */
    private int scanned;
    private boolean broken;
    private int leadingCrlfs;

    StreamFramer(int maxMessageBytes, int maxHeaderBytes) {
        this.maxMessageBytes = maxMessageBytes;
        this.maxHeaderBytes = Math.min(maxHeaderBytes, maxMessageBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (!broken && in.isReadable()) {
            Frame frame = next(in);
            if (frame == null) {
                return;
            }
            out.add(frame);
        }
        if (broken) {
            in.skipBytes(in.readableBytes());
        }
    }

    /** One frame from the front of {@code in}, or null when more bytes are needed. */
    private Frame next(ByteBuf in) {
        // RFC 3261 §7.5: CRLFs before a start line are ignored; RFC 5626 §3.5.1: CRLFCRLF is a ping.
        // The count survives across reads so a ping split between two segments is still seen.
        int i = in.readerIndex();
        while (i + 1 < in.writerIndex() && in.getByte(i) == '\r' && in.getByte(i + 1) == '\n') {
            i += 2;
            in.readerIndex(i);
            scanned = 0;
            if (++leadingCrlfs == 2) {
                leadingCrlfs = 0;
                return Frame.Ping.INSTANCE;
            }
        }
        if (in.readableBytes() == 0 || (in.readableBytes() == 1 && in.getByte(in.readerIndex()) == '\r')) {
            return null;
        }
        leadingCrlfs = 0;
        int start = in.readerIndex();
        int headerEnd = findBlankLine(in, start);
        if (headerEnd < 0) {
            if (in.readableBytes() > maxHeaderBytes) {
                return broken(in, start, Math.min(in.readableBytes(), maxHeaderBytes),
                        "header section longer than " + maxHeaderBytes + " bytes");
            }
            return null;
        }
        int headerLength = headerEnd - start; // includes the final CRLFCRLF
        if (headerLength > maxHeaderBytes) {
            return broken(in, start, maxHeaderBytes, "header section longer than " + maxHeaderBytes + " bytes");
        }
        long contentLength = ContentLengthScanner.scan(in, start, headerEnd);
        if (contentLength == ContentLengthScanner.MISSING) {
            return broken(in, start, headerLength, "missing Content-Length on a stream transport");
        }
        if (contentLength < 0) {
            return broken(in, start, headerLength, "malformed Content-Length");
        }
        if (headerLength + contentLength > maxMessageBytes) {
            return broken(in, start, headerLength, "message longer than " + maxMessageBytes + " bytes");
        }
        int total = headerLength + (int) contentLength;
        if (in.readableBytes() < total) {
            return null;
        }
        byte[] bytes = new byte[total];
        in.readBytes(bytes);
        scanned = 0;
        return new Frame.Message(bytes);
    }

    /** Index just past the first CRLFCRLF at or after {@code start}, or -1. */
    private int findBlankLine(ByteBuf in, int start) {
        int from = Math.max(start, start + scanned - 3);
        int end = in.writerIndex();
        for (int i = from; i + 3 < end; i++) {
            if (in.getByte(i) == '\r' && in.getByte(i + 1) == '\n'
                    && in.getByte(i + 2) == '\r' && in.getByte(i + 3) == '\n') {
                return i + 4;
            }
        }
        scanned = end - start;
        return -1;
    }

    private Frame broken(ByteBuf in, int start, int headerLength, String reason) {
        broken = true;
        byte[] head = new byte[headerLength];
        in.getBytes(start, head);
        return new Frame.Broken(head, reason);
    }
}
