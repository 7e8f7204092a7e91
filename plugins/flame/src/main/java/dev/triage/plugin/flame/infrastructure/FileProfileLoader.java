package dev.triage.plugin.flame.infrastructure;

import dev.triage.plugin.flame.application.ProfileLoader;
import dev.triage.plugin.flame.domain.FlameLayout;
import dev.triage.plugin.flame.domain.Palette;
import dev.triage.plugin.flame.domain.Profile;
import dev.triage.plugin.flame.domain.StackTrie;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Reads profiles with {@link ProfileReader}, writes speedscope JSON, and draws PNG flame graphs with Java2D (no window needed). */
public final class FileProfileLoader implements ProfileLoader {

    private static final int ROW = 16;

    @Override
    public Profile load(Path file, String sampleType, String perfOption) throws IOException {
        PerfScriptCollapser.Options perf = perfOption == null || perfOption.isBlank() ? PerfScriptCollapser.Options.DEFAULT
                : PerfScriptCollapser.Options.of(perfOption);
        return ProfileReader.read(file, new ProfileReader.Options(sampleType, perf));
    }

    @Override
    public Profile load(Path file, String sampleType, boolean byThread) throws IOException {
        PerfScriptCollapser.Options perf = byThread ? PerfScriptCollapser.Options.of("tid") : PerfScriptCollapser.Options.DEFAULT;
        return ProfileReader.read(file, new ProfileReader.Options(sampleType, perf, byThread));
    }

    @Override
    public void writeSpeedscope(Profile profile, OutputStream out) throws IOException {
        SpeedscopeJson.write(profile, out);
    }

    @Override
    public byte[] png(Profile profile, int width, String title) throws IOException {
        StackTrie trie = profile.trie();
        int levels = Math.min(FlameLayout.levels(trie), 120);
        int top = 34;
        int height = top + levels * ROW + 8;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(new Color(0xf8f8f8));
            g.fillRect(0, 0, width, height);
            g.setColor(Color.DARK_GRAY);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
            FontMetrics tm = g.getFontMetrics();
            g.drawString(title, Math.max(4, (width - tm.stringWidth(title)) / 2), 22);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            FontMetrics fm = g.getFontMetrics();
            List<FlameLayout.Box> boxes = FlameLayout.layout(trie, StackTrie.ROOT, width - 20.0, 0.5, levels);
            for (FlameLayout.Box b : boxes) {
                int n = b.node();
                String name = n == StackTrie.ROOT ? "all" : trie.name(n);
                int x = 10 + (int) Math.round(b.x());
                int w = Math.max(1, (int) Math.round(b.width()) - 1);
                int y = top + (levels - 1 - b.level()) * ROW;
                g.setColor(new Color(Palette.color(Palette.Mode.NAME, name, 0)));
                g.fillRect(x, y, w, ROW - 1);
                if (w > 20) {
                    g.setColor(Color.BLACK);
                    g.drawString(fit(name, w - 6, fm), x + 3, y + ROW - 4);
                }
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    private static String fit(String s, int px, FontMetrics fm) {
        if (fm.stringWidth(s) <= px) {
            return s;
        }
        int n = s.length();
        while (n > 0 && fm.stringWidth(s.substring(0, n) + "..") > px) {
            n--;
        }
        return n == 0 ? "" : s.substring(0, n) + "..";
    }
}
