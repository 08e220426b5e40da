"""The example studies (installed as reportgen.examples): data, study files and their READMEs."""
