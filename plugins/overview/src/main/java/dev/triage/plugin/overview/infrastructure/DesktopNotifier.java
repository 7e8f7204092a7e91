package dev.triage.plugin.overview.infrastructure;

import dev.triage.plugin.overview.application.NotificationGroup;
import dev.triage.plugin.overview.application.Notifier;
import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * Shows a group as a desktop notification through the system tray where the OS has one; on a headless machine or without a
 * tray it does nothing (the in-app notification still shows).
 */
public final class DesktopNotifier implements Notifier {

    private TrayIcon icon;

    /**
     * Whether this machine can show desktop notifications.
     *
     * @return true with a display and a system tray
     */
    public static boolean supported() {
        try {
            return !GraphicsEnvironment.isHeadless() && SystemTray.isSupported();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public String kind() {
        return "desktop";
    }

    @Override
    public synchronized void send(NotificationGroup group) throws Exception {
        if (!supported()) {
            return;
        }
        if (icon == null) {
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(new java.awt.Color(0xD2, 0x99, 0x22));
            g.fillOval(1, 1, 14, 14);
            g.dispose();
            icon = new TrayIcon(image, "Triage alerts");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
        }
        icon.displayMessage(group.title(), String.join("\n", group.lines()),
                group.status() == dev.triage.plugin.overview.domain.Notification.Status.FIRING ? TrayIcon.MessageType.WARNING
                        : TrayIcon.MessageType.INFO);
    }
}
