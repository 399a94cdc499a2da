package io.eventgate.localcloud.state;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Consumer;
import java.util.zip.CRC32C;

/**
 * The on-disk framing shared by journal segments and snapshots: {@code [int length][int crc32c][payload]}.
 *
 * <p>A frame whose length or checksum does not add up marks the end of what was written completely: a process killed
 * in the middle of a write leaves exactly such a torn tail, and it was never acknowledged to anyone.
 */
final class Frames {

    static final int HEADER = 8;
    /** No record is this large; a length beyond it is garbage, not a frame. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private Frames() {
    }

    static void write(ByteBuffer out, byte[] payload) {
        out.putInt(payload.length);
        out.putInt(checksum(payload));
        out.put(payload);
    }

    static int size(byte[] payload) {
        return HEADER + payload.length;
    }

    static int checksum(byte[] payload) {
        CRC32C crc = new CRC32C();
        crc.update(payload);
        return (int) crc.getValue();
    }

    /**
     * Hands every complete frame of a file to {@code each}, in order.
     *
     * @return the offset just after the last complete frame (the file size when the file is whole)
     */
    static long read(Path file, Consumer<byte[]> each) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long position = 0;
            ByteBuffer header = ByteBuffer.allocate(HEADER);
            while (position + HEADER <= size) {
                header.clear();
                readFully(channel, header, position);
                header.flip();
                int length = header.getInt();
                int crc = header.getInt();
                if (length < 0 || length > MAX_PAYLOAD || position + HEADER + length > size) {
                    return position;
                }
                ByteBuffer payload = ByteBuffer.allocate(length);
                readFully(channel, payload, position + HEADER);
                byte[] bytes = payload.array();
                if (checksum(bytes) != crc) {
                    return position;
                }
                each.accept(bytes);
                position += HEADER + length;
            }
            return position;
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
    }
}
