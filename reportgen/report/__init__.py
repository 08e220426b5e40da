"""The chapter as a document: its builder, numbers formatted once in the study's locale, tables and sentences composed from the results, the tasks left to the author."""
