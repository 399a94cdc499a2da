package io.eventgate.localcloud.events.apidestination;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Keeps the raw body of every response an SDK client receives, so tests can check what went over the wire. */
final class RawBodies implements ExecutionInterceptor {

    private final List<String> bodies = new CopyOnWriteArrayList<>();

    @Override
    public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
                                                           ExecutionAttributes attributes) {
        return context.responseBody().map(stream -> {
            try {
                byte[] bytes = stream.readAllBytes();
                bodies.add(new String(bytes, StandardCharsets.UTF_8));
                return new ByteArrayInputStream(bytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    List<String> all() {
        return List.copyOf(bodies);
    }
}
