"""Analysis: references, actors, themes, verbs, obligations, facts and timeline, as spans and values on the model."""
