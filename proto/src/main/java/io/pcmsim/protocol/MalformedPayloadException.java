package io.pcmsim.protocol;

/** Bytes that do not decode as the expected protobuf message. */
public final class MalformedPayloadException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
