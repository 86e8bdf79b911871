"""The authoring model: plain Python that the studio and the CLI importers share."""
