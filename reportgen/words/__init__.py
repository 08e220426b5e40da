"""Every word a reader sees: number formatting in the study's locale, the sentence templates and
the labels of each language (templates/<lang>/), with the user's overrides."""
