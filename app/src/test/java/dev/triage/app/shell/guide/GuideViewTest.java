package dev.triage.app.shell.guide;

import static org.assertj.core.api.Assertions.assertThat;

import dev.triage.app.shell.ShellTexts;
import dev.triage.testkit.JavaFxToolkit;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

class GuideViewTest {

    @Test
    void showsTheBundledGuideFollowsItsLinksAndGoesBack() throws Exception {
        GuideView view = JavaFxToolkit.call(() -> {
            GuideView v = new GuideView(ShellTexts.load(Locale.ENGLISH));
            new Scene((Parent) v.node(), 1000, 800);
            return v;
        });
        Parent root = (Parent) view.node();
        assertThat(JavaFxToolkit.call(() -> texts(content(root)))).contains("Triage user guide", "Contents");
        Hyperlink slowlog = JavaFxToolkit.call(() -> content(root).lookupAll(".hyperlink").stream().map(Hyperlink.class::cast)
                .filter(h -> h.getText().equals("Slow queries")).findFirst().orElseThrow());
        JavaFxToolkit.call(() -> {
            slowlog.fire();
            return null;
        });
        assertThat(view.current()).isEqualTo("slowlog.md");
        assertThat(JavaFxToolkit.call(() -> texts(content(root)))).contains("Slow queries", "The selected class");
        assertThat(JavaFxToolkit.call(() -> content(root).lookupAll(".image-view").stream()
                .map(n -> ((ImageView) n).getImage().getUrl()).toList())).singleElement().satisfies(u -> assertThat(u).endsWith("slowlog-view.png"));
        assertThat(JavaFxToolkit.call(() -> content(root).lookupAll(".code-block").stream()
                .map(n -> ((Label) n).getText()).toList())).anyMatch(code -> code.contains("triage slowlog digest slow.log"));
        JavaFxToolkit.call(() -> {
            view.open("cases.md");
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> content(root).lookupAll(".table-grid"))).singleElement().isInstanceOf(GridPane.class);
        JavaFxToolkit.call(() -> {
            root.lookupAll(".button").stream().map(javafx.scene.control.Button.class::cast)
                    .filter(b -> b.getText().equals("Back")).findFirst().orElseThrow().fire();
            return null;
        });
        assertThat(view.current()).isEqualTo("slowlog.md");
        JavaFxToolkit.call(() -> {
            view.open("no-such-page.md");
            return null;
        });
        assertThat(JavaFxToolkit.call(() -> ((Label) ((ScrollPane) root.lookup(".scroll-pane")).getContent()).getText()))
                .isEqualTo("The guide has no page no-such-page.md");
    }

    private static Node content(Parent root) {
        return ((ScrollPane) root.lookup(".scroll-pane")).getContent();
    }

    private static List<String> texts(Node content) {
        return content.lookupAll(".md-text").stream().map(n -> ((Text) n).getText()).toList();
    }
}
