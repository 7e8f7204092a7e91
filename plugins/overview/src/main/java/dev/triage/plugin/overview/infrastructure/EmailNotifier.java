package dev.triage.plugin.overview.infrastructure;

import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.application.Notifier;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Properties;

/** Sends a group as a plain-text e-mail over SMTP (Jakarta Mail), with STARTTLS and login when configured. */
public final class EmailNotifier implements Notifier {

    /**
     * Where and how to send.
     *
     * @param host the SMTP host
     * @param port the port
     * @param startTls whether to require STARTTLS
     * @param user the login, or null for none
     * @param from the sender address
     * @param to the recipients
     * @param timeout connect and read timeout
     */
    public record Smtp(String host, int port, boolean startTls, String user, String from, List<String> to, Duration timeout) {

        /** Validates. */
        public Smtp {
            if (host == null || host.isBlank() || from == null || to == null || to.isEmpty()) {
                throw new IllegalArgumentException("An e-mail receiver needs host, from and to");
            }
            to = List.copyOf(to);
        }
    }

    private final Smtp smtp;
    private final char[] password;

    /**
     * Creates the notifier.
     *
     * @param smtp the server and addresses
     * @param password the login password from the SecretStore, or null
     */
    public EmailNotifier(Smtp smtp, char[] password) {
        this.smtp = smtp;
        this.password = password == null ? null : password.clone();
    }

    @Override
    public String kind() {
        return "email";
    }

    @Override
    public void send(NotificationGroup group) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", Integer.toString(smtp.port()));
        p.put("mail.smtp.connectiontimeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.timeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.writetimeout", Long.toString(smtp.timeout().toMillis()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(smtp.startTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(smtp.startTls()));
        boolean auth = smtp.user() != null && !smtp.user().isBlank() && password != null;
        p.put("mail.smtp.auth", Boolean.toString(auth));
        Session session = Session.getInstance(p, auth ? new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(smtp.user(), new String(password));
            }
        } : null);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress(smtp.from()));
        for (String to : smtp.to()) {
            m.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
        }
        m.setSubject(group.title(), "UTF-8");
        m.setSentDate(new Date());
        m.setText(group.text() + "\n\n-- \nSent by Triage (route " + group.route() + ", receiver " + group.receiver() + ")\n", "UTF-8");
        Transport.send(m);
    }
}
