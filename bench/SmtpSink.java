import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A local SMTP sink for bench/alerts.sh: accepts every mail on 127.0.0.1:PORT, keeps nothing, and prints
 * "epoch-millis mails connections" once a second (mails: messages accepted after DATA since it started). No TLS, no
 * AUTH: the app sends to it with only spring.mail.host and spring.mail.port set. Run as a single-file program:
 *
 * <pre>java bench/SmtpSink.java 18425</pre>
 */
public class SmtpSink {

    private static final AtomicLong MAILS = new AtomicLong();
    private static final AtomicLong CONNECTIONS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "18425");
        ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(SmtpSink::report);
        System.out.println(System.currentTimeMillis() + " 0 0 listening on 127.0.0.1:" + port);
        while (true) {
            Socket socket = server.accept();
            CONNECTIONS.incrementAndGet();
            Thread.ofVirtual().start(() -> serve(socket));
        }
    }

    private static void report() {
        while (true) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            System.out.println(System.currentTimeMillis() + " " + MAILS.get() + " " + CONNECTIONS.get());
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.ISO_8859_1), 65536);
            OutputStream out = socket.getOutputStream();
            reply(out, "220 localhost SmtpSink ESMTP");
            String line;
            while ((line = in.readLine()) != null) {
                String verb = (line.length() >= 4 ? line.substring(0, 4) : line).toUpperCase(Locale.ROOT);
                switch (verb) {
                    case "EHLO" -> reply(out, "250-localhost\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE 10485760");
                    case "HELO", "MAIL", "RCPT", "RSET", "NOOP" -> reply(out, "250 OK");
                    case "DATA" -> {
                        reply(out, "354 End data with <CR><LF>.<CR><LF>");
                        String body;
                        while ((body = in.readLine()) != null && !body.equals(".")) {
                            // discarded
                        }
                        if (body == null) {
                            return;
                        }
                        MAILS.incrementAndGet();
                        reply(out, "250 OK queued");
                    }
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (IOException e) {
            // the client went away: nothing to keep
        }
    }

    private static void reply(OutputStream out, String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
