package dev.triage.core.ui;

import java.net.URL;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * Turns Markdown into JavaFX nodes styled by the theme: headings, paragraphs with inline code, emphasis and links,
 * lists, code blocks, tables and images (resolved against the page's URL); the in-app guide and the report preview
 * use it, with the style sheet {@code markdown.css} that it attaches to what it renders.
 */
public final class MarkdownNodes {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private static final String STYLE_SHEET = MarkdownNodes.class.getResource("markdown.css").toExternalForm();
    /** Table cells with at most this many characters (numbers, headers) never wrap. */
    private static final int SHORT_CELL = 14;

    private final URL base;
    private final Consumer<String> onLink;
    private final Predicate<URL> imageAllowed;
    private double imageWidth = 880;

    /**
     * Creates a renderer for one page.
     *
     * @param base the page's URL, for relative images
     * @param onLink receives the target of a clicked link
     */
    public MarkdownNodes(URL base, Consumer<String> onLink) {
        this(base, onLink, url -> true);
    }

    /**
     * Creates a renderer for one page that shows only some images (the others show their address).
     *
     * @param base the page's URL, for relative images
     * @param onLink receives the target of a clicked link
     * @param imageAllowed tells whether an image's resolved address may be loaded
     */
    public MarkdownNodes(URL base, Consumer<String> onLink, Predicate<URL> imageAllowed) {
        this.base = base;
        this.onLink = onLink;
        this.imageAllowed = imageAllowed;
    }

    /**
     * Sets the width images are fitted to.
     *
     * @param width the width in pixels
     * @return this renderer
     */
    public MarkdownNodes imageWidth(double width) {
        this.imageWidth = width;
        return this;
    }

    /**
     * Renders a Markdown document.
     *
     * @param markdown the text
     * @return a vertical box with one node per block
     */
    public VBox render(String markdown) {
        VBox box = new VBox(10);
        box.getStyleClass().add("markdown");
        box.getStylesheets().add(STYLE_SHEET);
        blocks(PARSER.parse(markdown), box);
        return box;
    }

    private void blocks(org.commonmark.node.Node parent, VBox into) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            Node block = block(n);
            if (block != null) {
                into.getChildren().add(block);
            }
        }
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inline(h);
            flow.getStyleClass().addAll("heading", "title-" + Math.min(4, h.getLevel()));
            return flow;
        }
        if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Image image && p.getFirstChild().getNext() == null) {
                return image(image);
            }
            return inline(p);
        }
        if (n instanceof FencedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (n instanceof IndentedCodeBlock code) {
            return code(code.getLiteral());
        }
        if (n instanceof BulletList || n instanceof OrderedList) {
            VBox list = new VBox(4);
            int i = n instanceof OrderedList o ? o.getStartNumber() : 0;
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                VBox content = new VBox(4);
                if (item instanceof ListItem) {
                    blocks(item, content);
                }
                Label mark = new Label(n instanceof OrderedList ? (i++) + "." : "•");
                mark.setMinWidth(18);
                list.getChildren().add(new HBox(6, mark, content));
            }
            return list;
        }
        if (n instanceof BlockQuote) {
            VBox quote = new VBox(6);
            quote.getStyleClass().add("quote");
            blocks(n, quote);
            return quote;
        }
        if (n instanceof TableBlock) {
            return table(n);
        }
        return null;
    }

    private Node code(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("code-block");
        code.setWrapText(false);
        code.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return code;
    }

    private Node image(org.commonmark.node.Image image) {
        try {
            URL url = new URL(base, image.getDestination());
            if (!imageAllowed.test(url)) {
                return new Label(image.getDestination());
            }
            ImageView view = new ImageView(new Image(url.toExternalForm(), true));
            view.setPreserveRatio(true);
            view.setFitWidth(imageWidth);
            return view;
        } catch (java.net.MalformedURLException e) {
            return new Label(image.getDestination());
        }
    }

    private Node table(org.commonmark.node.Node table) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("table-grid");
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) {
                    continue;
                }
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    TextFlow cell = inline(c);
                    cell.getStyleClass().add(c instanceof TableCell tc && tc.isHeader() ? "table-head" : "table-cell");
                    cell.setMaxWidth(420);
                    if (plain(cell).length() <= SHORT_CELL) {
                        cell.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
                    }
                    grid.add(cell, col++, row);
                }
                row++;
            }
        }
        return grid;
    }

    private static String plain(TextFlow flow) {
        StringBuilder b = new StringBuilder();
        flow.getChildren().forEach(n -> b.append(n instanceof Text t ? t.getText() : "  "));
        return b.toString();
    }

    private TextFlow inline(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        inline(parent, flow, "");
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, TextFlow flow, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), style + " code"));
            } else if (n instanceof Emphasis) {
                inline(n, flow, style + " em");
            } else if (n instanceof StrongEmphasis) {
                inline(n, flow, style + " strong");
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", style));
            } else if (n instanceof HardLineBreak
                    || n instanceof org.commonmark.node.HtmlInline html && html.getLiteral().equalsIgnoreCase("<br>")) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof Link link) {
                TextFlow label = new TextFlow();
                inline(link, label, style);
                Hyperlink h = new Hyperlink(label.getChildren().stream().filter(Text.class::isInstance)
                        .map(t -> ((Text) t).getText()).reduce("", String::concat));
                h.setOnAction(e -> onLink.accept(link.getDestination()));
                flow.getChildren().add(h);
            } else if (n instanceof org.commonmark.node.Image image) {
                flow.getChildren().add(image(image));
            } else {
                inline(n, flow, style);
            }
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("md-text");
        for (String cls : style.trim().split("\\s+")) {
            if (!cls.isEmpty()) {
                t.getStyleClass().add(cls);
            }
        }
        return t;
    }
}
