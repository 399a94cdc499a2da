package io.eventgate.carrier.security;

/** The request carried no API key or the wrong one. Deliberately says nothing about which. */
public class ApiKeyRejectedException extends RuntimeException {

    ApiKeyRejectedException() {
        super("A valid x-api-key header is required");
    }
}
