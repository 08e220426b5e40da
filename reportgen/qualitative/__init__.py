"""The qualitative phase of a mixed-methods study: coded interview excerpts, their codebook and
informants (:mod:`.corpus` from tables, :mod:`.refi` from a REFI-QDA project) and the thematic
analysis counted from them (:mod:`.analysis`)."""
