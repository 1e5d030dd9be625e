# Independent estimates for tests/fit/r_crosscheck_test.cpp, from R's survival package.
# Usage: Rscript crosscheck.R data.csv   (columns entry,exit,event; entry 0 = seen from the start)
# Prints "name value" lines: Kaplan-Meier with delayed entry at given times, survreg fits of the
# right-censored rows (survreg has no delayed entry), and a gamma fit with delayed entry by
# optim over R's own dgamma/pgamma.
suppressPackageStartupMessages(library(survival))
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1])
km <- survfit(Surv(entry, exit, event) ~ 1, data = d)
for (t in c(100, 300, 700, 1500)) {
  s <- summary(km, times = t, extend = TRUE)
  cat(sprintf("km_%d %.12g\n", t, s$surv))
  cat(sprintf("km_se_%d %.12g\n", t, s$std.err))
}
r <- d[d$entry == 0, ]
w <- survreg(Surv(exit, event) ~ 1, data = r, dist = "weibull")
cat(sprintf("weibull_shape %.12g\nweibull_scale %.12g\n", 1 / w$scale, exp(coef(w)[[1]])))
cat(sprintf("weibull_loglik %.12g\n", w$loglik[2]))
l <- survreg(Surv(exit, event) ~ 1, data = r, dist = "lognormal")
cat(sprintf("lognormal_mu %.12g\nlognormal_sigma %.12g\n", coef(l)[[1]], l$scale))
cat(sprintf("lognormal_mu_se %.12g\n", sqrt(vcov(l)[1, 1])))
e <- survreg(Surv(exit, event) ~ 1, data = r, dist = "exponential")
cat(sprintf("exponential_mean %.12g\n", exp(coef(e)[[1]])))
nll <- function(p) {
  k <- exp(p[1]); s <- exp(p[2])
  ev <- d$event == 1
  -(sum(dgamma(d$exit[ev], shape = k, scale = s, log = TRUE)) +
    sum(pgamma(d$exit[!ev], shape = k, scale = s, lower.tail = FALSE, log.p = TRUE)) -
    sum(pgamma(d$entry, shape = k, scale = s, lower.tail = FALSE, log.p = TRUE)))
}
g <- optim(c(0, log(mean(d$exit))), nll, method = "BFGS", control = list(reltol = 1e-14))
cat(sprintf("gamma_shape %.12g\ngamma_scale %.12g\n", exp(g$par[1]), exp(g$par[2])))
