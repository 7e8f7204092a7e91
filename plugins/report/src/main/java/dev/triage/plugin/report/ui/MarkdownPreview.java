package dev.triage.plugin.report.ui;

import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.ListItem;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;

/**
 * Renders the exported Markdown as theme-coloured JavaFX nodes for the live preview (the approach of the in-app guide's
 * renderer, styled inline because the guide's style sheet belongs to the app): headings, paragraphs, lists, code,
 * tables and the report's images from its {@code assets/} folder.
 */
final class MarkdownPreview {

    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final String CELL = "-fx-border-color: -color-border-default; -fx-border-width: 0 1 1 0; -fx-padding: 3 6 3 6;";

    private final Path base;

    MarkdownPreview(Path base) {
        this.base = base;
    }

    VBox render(String markdown) {
        VBox box = new VBox(8);
        box.setStyle("-fx-padding: 12;");
        for (org.commonmark.node.Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            Node b = block(n);
            if (b != null) {
                box.getChildren().add(b);
            }
        }
        return box;
    }

    private Node block(org.commonmark.node.Node n) {
        if (n instanceof Heading h) {
            TextFlow flow = inline(h, "-fx-font-weight: bold; -fx-font-size: " + (22 - 2 * Math.min(4, h.getLevel())) + "px;");
            flow.getStyleClass().add("heading-" + h.getLevel());
            return flow;
        }
        if (n instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Image image && image.getNext() == null) {
                return image(image.getDestination());
            }
            return inline(p, "");
        }
        if (n instanceof FencedCodeBlock code) {
            Label l = new Label(code.getLiteral().stripTrailing());
            l.setStyle("-fx-font-family: monospace; -fx-background-color: -color-bg-subtle; -fx-padding: 6;");
            l.setMinHeight(Region.USE_PREF_SIZE);
            return l;
        }
        if (n instanceof BulletList) {
            VBox list = new VBox(2);
            for (org.commonmark.node.Node item = n.getFirstChild(); item != null; item = item.getNext()) {
                if (item instanceof ListItem && item.getFirstChild() != null) {
                    list.getChildren().add(new HBox(6, new Label("•"), inline(item.getFirstChild(), "")));
                }
            }
            return list;
        }
        if (n instanceof TableBlock) {
            return table(n);
        }
        return null;
    }

    private Node image(String destination) {
        Path file = base.resolve(destination).normalize();
        if (!file.startsWith(base)) {
            return new Label(destination);
        }
        ImageView view = new ImageView(new Image(file.toUri().toString(), true));
        view.setPreserveRatio(true);
        view.setFitWidth(760);
        return view;
    }

    private Node table(org.commonmark.node.Node table) {
        GridPane grid = new GridPane();
        grid.setStyle("-fx-border-color: -color-border-default; -fx-border-width: 1 0 0 1;");
        int row = 0;
        for (org.commonmark.node.Node section = table.getFirstChild(); section != null; section = section.getNext()) {
            for (org.commonmark.node.Node r = section.getFirstChild(); r != null; r = r.getNext()) {
                if (r instanceof TableRow) {
                    int col = 0;
                    for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                        boolean head = c instanceof TableCell tc && tc.isHeader();
                        TextFlow cell = inline(c, head ? "-fx-font-weight: bold;" : "");
                        cell.setStyle(CELL + (head ? "-fx-background-color: -color-bg-subtle;" : ""));
                        cell.setMaxWidth(420);
                        if (plain(cell).length() <= 14) {
                            cell.setMinWidth(Region.USE_PREF_SIZE); // short cells (numbers, headers) never wrap
                        }
                        grid.add(cell, col++, row);
                    }
                    row++;
                }
            }
        }
        return grid;
    }

    private static String plain(TextFlow flow) {
        StringBuilder b = new StringBuilder();
        flow.getChildren().forEach(n -> b.append(n instanceof Text t ? t.getText() : "  "));
        return b.toString();
    }

    private TextFlow inline(org.commonmark.node.Node parent, String style) {
        TextFlow flow = new TextFlow();
        inline(parent, flow, style);
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, TextFlow flow, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) {
                flow.getChildren().add(text(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                flow.getChildren().add(text(c.getLiteral(), style + "-fx-font-family: monospace;"));
            } else if (n instanceof Emphasis) {
                inline(n, flow, style + "-fx-font-style: italic;");
            } else if (n instanceof StrongEmphasis) {
                inline(n, flow, style + "-fx-font-weight: bold;");
            } else if (n instanceof SoftLineBreak) {
                flow.getChildren().add(text(" ", style));
            } else if (n instanceof HardLineBreak) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof org.commonmark.node.HtmlInline html && html.getLiteral().equalsIgnoreCase("<br>")) {
                flow.getChildren().add(text("\n", style));
            } else if (n instanceof org.commonmark.node.Image image) {
                flow.getChildren().add(image(image.getDestination()));
            } else {
                inline(n, flow, style);
            }
        }
    }

    private static Text text(String s, String style) {
        Text t = new Text(s);
        t.setStyle("-fx-fill: -color-fg-default;" + style);
        return t;
    }
}
