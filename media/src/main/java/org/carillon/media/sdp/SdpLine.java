package org.carillon.media.sdp;

/**
 * A line the model keeps without interpreting it ({@code i=}, {@code u=}, {@code e=}, {@code p=},
 * {@code b=}, {@code r=}, {@code z=}, {@code k=}), so that a description can be written back as received.
 *
 * @param type the line's letter
 * @param value the text after {@code =}
 */
public record SdpLine(char type, String value) {

    @Override
    public String toString() {
        return type + "=" + value;
    }
}
