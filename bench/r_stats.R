# The figures `reportgen run --formats json` computes for a regression study, in R:
# psych::alpha, psych::omega(nfactors = 1), cor.test, lm, car::vif, lmtest::dwtest/bptest,
# nortest::lillie.test, ks.test, shapiro.test, Glejser, profile frequencies, item distributions.
#   Rscript bench/r_stats.R <study folder>
suppressMessages({library(jsonlite); library(psych); library(car); library(lmtest); library(nortest)})
args <- commandArgs(TRUE)
here <- dirname(sub("--file=", "", grep("--file=", commandArgs(FALSE), value = TRUE)))
source(file.path(here, "..", "tests", "fixtures", "r_helpers.R"))
folder <- args[1]
study <- read_study(folder)
read <- read_items(folder, study)
out <- list()
for (r in study$respondents) out$profile[[r$column]] <- as.list(table(read$raw[[r$column]][read$keep]))
scores <- list()
for (cn in names(read$items)) {
  m <- read$items[[cn]]
  total <- rowSums(m)
  a <- psych::alpha(as.data.frame(m), check.keys = FALSE, warnings = FALSE)
  om <- if (ncol(m) >= 3) suppressWarnings(suppressMessages(psych::omega(m, nfactors = 1, plot = FALSE)))$omega.tot else NA
  it <- lapply(seq_len(ncol(m)), function(j) { ct <- cor.test(m[, j], total); c(mean(m[, j]), sd(m[, j]), table(factor(m[, j], levels = study$scale$min:study$scale$max)), ct$estimate, ct$p.value) })
  out$constructs[[cn]] <- list(alpha = a$total$raw_alpha, omega = om, drop = a$alpha.drop$raw_alpha, rest = a$item.stats$r.drop, items = it)
  scores[[cn]] <- if (study$model$score == "sum") total else rowMeans(m)
}
d <- as.data.frame(scores)
for (x in names(d)) for (y in names(d)) if (x < y) out$cor[[paste(x, y)]] <- cor.test(d[[x]], d[[y]])$p.value
preds <- unlist(study$model$predictors)
fit <- lm(as.formula(paste(study$model$dependent, "~", paste(preds, collapse = " + "))), data = d)
e <- residuals(fit)
out$model <- list(summary(fit)$coefficients, car::vif(fit), lmtest::dwtest(fit, alternative = "greater")$p.value,
                  lmtest::bptest(fit)$p.value, nortest::lillie.test(e)$p.value,
                  suppressWarnings(ks.test(e, "pnorm", mean(e), sd(e), exact = FALSE))$p.value,
                  if (length(e) <= 5000) shapiro.test(e)$p.value else NA,
                  summary(lm(abs(e) ~ as.matrix(d[preds])))$coefficients)
invisible(toJSON(out, digits = NA))
