package dev.triage.plugin.flame.application;

import dev.triage.core.cases.Case;
import java.util.List;

/** The profiles stored in a case. */
public interface ProfileStore {

    /**
     * Lists a case's profiles, oldest first.
     *
     * @param theCase the case
     * @return the profiles
     * @throws Exception when the case database cannot be read
     */
    List<StoredProfile> list(Case theCase) throws Exception;
}
