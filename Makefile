# khobor: turn scraped Bengali news pages into JSON Lines.
# A flat Makefile: settings first, then the lists, one pattern rule.

PREFIX   = /usr/local
DESTDIR  =
BINDIR   = $(PREFIX)/bin
MANDIR   = $(PREFIX)/share/man
RULESDIR = $(PREFIX)/share/khobor/rules

CC       = cc
OPT      = -O2
CFLAGS   = -std=c11 -Wall -Wextra -Werror $(OPT) -g
# from-warc's inflater: isal (ISA-L's igzip, the fastest of Debian's three,
# bench/RESULTS.md "Reading WET"), or zlib where libisal-dev is missing.
INFLATE := $(shell pkg-config --exists libisal 2>/dev/null && echo isal || echo zlib)
INFLATE_PKG_isal = libisal
INFLATE_PKG_zlib = zlib
INFLATE_DEF_isal = -DKHOBOR_ISAL
# from-html: libxml2's HTML parser and jansson for JSON-LD (from-html(1) says why).
PKGS     = libpcre2-8 yaml-0.1 libutf8proc libxxhash libxml-2.0 jansson $(INFLATE_PKG_$(INFLATE))
DEBS     = libpcre2-dev libyaml-dev libutf8proc-dev libxxhash-dev libxml2-dev libjansson-dev pkg-config make gcc \
           perl jq mandoc shellcheck clang libclang-rt-14-dev valgrind parallel python3 \
           tzdata bsdextrautils bc zlib1g-dev libisal-dev libdeflate-dev openssh-server rsync
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# The four libraries every filter loads are linked from their static
# archives (in the same -dev packages): on the bench machine each shared
# library costs a start about 6 page faults of 10-15 us and its relocations,
# a fifth of a filter's start (bench/RESULTS.md, "Start-up, session 8").
# The price: a fixed bug in one of them needs khobor rebuilt.
# LINK=shared links them as shared libraries.
LINK       = static
STATIC_PKGS = libpcre2-8 yaml-0.1 libutf8proc libxxhash
LIBS_static = -Wl,-Bstatic $(shell pkg-config --libs $(STATIC_PKGS) 2>/dev/null) -Wl,-Bdynamic \
              $(shell pkg-config --libs $(filter-out $(STATIC_PKGS),$(PKGS)) 2>/dev/null)
LIBS_shared = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
PKG_LIBS    = $(LIBS_$(LINK))
CPPFLAGS = -D_GNU_SOURCE -Ifilters/lib $(INFLATE_DEF_$(INFLATE)) \
           -DKHOBOR_RULES_DIR='"$(RULESDIR)"' $(PKG_CFLAGS)
LDLIBS   = $(PKG_LIBS) -lm

# Where objects and executables go; the sanitizer build uses its own tree.
B        = build
OUT      = bin

# Every filters/*.c is one executable.
TOOLS    = $(sort $(basename $(notdir $(wildcard filters/*.c))))
SCRIPTS  = khobor
LIBOBJ   = $(sort $(basename $(notdir $(wildcard filters/lib/*.c))))
MAN1     = khobor strip-boilerplate extract-meta normalize-date to-jsonl from-jsonl dedupe from-warc from-html count-chrome learn-rules
MAN5     = khobor-rules
MAN7     = khobor

LIBA     = $(B)/libkhobor.a
PROGS    = $(TOOLS:%=$(OUT)/%)
# C unit tests: each tests/unit/*.c is a program that prints TAP.
UNITS    = $(sort $(basename $(notdir $(wildcard tests/unit/*.c))))

all: depcheck $(PROGS)

units: $(UNITS:%=$(B)/unit/%)

$(B)/unit/%: tests/unit/%.c $(LIBA) filters/lib/*.h tests/unit/*.h
	@mkdir -p $(B)/unit
	$(CC) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)

depcheck:
	@for p in $(PKGS); do \
	  pkg-config --exists $$p 2>/dev/null || { \
	    case $$p in libpcre2-8) d=libpcre2-dev;; yaml-0.1) d=libyaml-dev;; libutf8proc) d=libutf8proc-dev;; \
	      libxxhash) d=libxxhash-dev;; libisal) d=libisal-dev;; zlib) d=zlib1g-dev;; \
	      libxml-2.0) d=libxml2-dev;; jansson) d=libjansson-dev;; esac; \
	    echo "khobor: missing $$p: install the Debian package $$d (or run 'make deps' as root)" >&2; exit 1; }; \
	done

$(B)/%.o: filters/lib/%.c filters/lib/*.h
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(B)/%.o: filters/%.c filters/lib/*.h
	@mkdir -p $(B)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# A detection cache (detcache.c) stands for the build that made it: a hash of
# the library's sources, so that a changed library never reads an old cache.
LIBSTAMP := $(shell cat filters/lib/*.c filters/lib/*.h | cksum | cut -d' ' -f1)
$(B)/cachefile.o: CPPFLAGS += -DKHOBOR_LIB_STAMP='"$(LIBSTAMP)"'
$(B)/detcache.o: filters/lib/*.c

$(LIBA): $(LIBOBJ:%=$(B)/%.o)
	rm -f $@
	ar rcs $@ $^

$(OUT)/%: $(B)/%.o $(LIBA)
	@mkdir -p $(OUT)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIBA) $(LDLIBS)
	@[ "$(OUT)" = bin ] || cp bin/khobor $(OUT)/khobor

# ASan+UBSan build of every tool, in its own tree.
asan:
	$(MAKE) all units B=build/asan OUT=build/asan/bin CC=clang OPT=-O1 \
	  CFLAGS='-std=c11 -Wall -Wextra -Werror -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
	  LDFLAGS='-fsanitize=address,undefined'

deps:
	@if [ "$$(id -u)" = 0 ]; then \
	  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $(DEBS); \
	else \
	  echo "run as root: apt-get update && apt-get install -y --no-install-recommends $(DEBS)"; \
	fi

# The test suite, through prove; then again on the ASan+UBSan build.
test: all units asan
	KHOBOR_UNIT=$(CURDIR)/build/unit prove -r tests/t
	KHOBOR_BIN=$(CURDIR)/build/asan/bin KHOBOR_UNIT=$(CURDIR)/build/asan/unit \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 prove -r tests/t

# A run of the main job on the bundled sample pages.
demo: all
	bin/khobor tests/sites/*/*.txt

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/man5 \
	  $(DESTDIR)$(MANDIR)/man7 $(DESTDIR)$(RULESDIR)/sites $(DESTDIR)$(RULESDIR)/dates
	cp $(PROGS) bin/khobor $(DESTDIR)$(BINDIR)/
	for m in $(MAN1); do cp man/$$m.1 $(DESTDIR)$(MANDIR)/man1/; done
	for m in $(MAN5); do cp man/$$m.5 $(DESTDIR)$(MANDIR)/man5/; done
	for m in $(MAN7); do cp man/$$m.7 $(DESTDIR)$(MANDIR)/man7/; done
	cp rules/default.yaml $(DESTDIR)$(RULESDIR)/
	cp rules/sites/*.yaml $(DESTDIR)$(RULESDIR)/sites/
	cp rules/dates/*.yaml $(DESTDIR)$(RULESDIR)/dates/

uninstall:
	for t in $(TOOLS) $(SCRIPTS); do rm -f $(DESTDIR)$(BINDIR)/$$t; done
	for m in $(MAN1); do rm -f $(DESTDIR)$(MANDIR)/man1/$$m.1; done
	for m in $(MAN5); do rm -f $(DESTDIR)$(MANDIR)/man5/$$m.5; done
	for m in $(MAN7); do rm -f $(DESTDIR)$(MANDIR)/man7/$$m.7; done
	rm -rf $(DESTDIR)$(PREFIX)/share/khobor

clean:
	rm -rf build $(PROGS)

.PHONY: all units asan deps depcheck test demo install uninstall clean fuzz fuzz-build fuzz-replay valgrind
.PRECIOUS: $(B)/%.o

# ---- Fuzzing and valgrind (issue 7) ------------------------------------------
# make fuzz: build each libFuzzer harness fuzz/NAME.c (clang, ASan+UBSan) and
# run it FUZZ_SECONDS each.  Seeds are fuzz/corpus/NAME/; what a run learns
# goes to build/fuzz/corpus/NAME/, crashes to build/fuzz/crash/NAME/ (copy
# them to tests/regress/fuzz/NAME/ and make test replays them).
# FUZZ_FLAGS go to every harness (say -fork=1 -ignore_crashes=1 to go on
# after a crash and collect them all).
# make fuzz-replay: the same harnesses with a plain main, for that replay.
# make valgrind: the test suite with every executable under valgrind memcheck.
FUZZ_SECONDS = 60
FUZZ_FLAGS   =
FUZZ_CC      = clang
FUZZ_CFLAGS  = -std=c11 -Wall -Wextra -Werror -O1 -g -fno-omit-frame-pointer \
               -fsanitize=address,undefined -fno-sanitize-recover=all
FUZZERS      = $(sort $(basename $(notdir $(wildcard fuzz/*.c))))
FB           = build/fuzz
FUZZ_DEPS    = fuzz/common/check.c fuzz/common/check.h filters/*.c filters/lib/*.h
FUZZ_CPP     = $(CPPFLAGS) -Ifuzz/common -DKHOBOR_TOP='"$(CURDIR)"'

fuzz: fuzz-build
	@FUZZ_FLAGS='$(FUZZ_FLAGS)' sh fuzz/run.sh $(FB) $(FUZZ_SECONDS) $(FUZZERS)

fuzz-build: depcheck $(FUZZERS:%=$(FB)/bin/%)

fuzz-replay: depcheck $(FUZZERS:%=$(FB)/replay/%)

# The library twice: with coverage for libFuzzer, and without for replay.
$(FB)/libfuzz.a: filters/lib/*.c filters/lib/*.h
	@$(MAKE) --no-print-directory $(LIBOBJ:%=$(FB)/cov/%.o) B=$(FB)/cov CC=$(FUZZ_CC) \
	  CFLAGS='$(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link'
	rm -f $@ && ar rcs $@ $(LIBOBJ:%=$(FB)/cov/%.o)

$(FB)/libreplay.a: filters/lib/*.c filters/lib/*.h
	@$(MAKE) --no-print-directory $(LIBOBJ:%=$(FB)/plain/%.o) B=$(FB)/plain CC=$(FUZZ_CC) \
	  CFLAGS='$(FUZZ_CFLAGS)'
	rm -f $@ && ar rcs $@ $(LIBOBJ:%=$(FB)/plain/%.o)

$(FB)/bin/%: fuzz/%.c $(FUZZ_DEPS) $(FB)/libfuzz.a
	@mkdir -p $(FB)/bin
	$(FUZZ_CC) $(FUZZ_CPP) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< fuzz/common/check.c \
	  $(FB)/libfuzz.a $(LDLIBS)

$(FB)/replay/%: fuzz/%.c fuzz/common/replay.c $(FUZZ_DEPS) $(FB)/libreplay.a
	@mkdir -p $(FB)/replay
	$(FUZZ_CC) $(FUZZ_CPP) $(FUZZ_CFLAGS) -o $@ $< fuzz/common/check.c fuzz/common/replay.c \
	  $(FB)/libreplay.a $(LDLIBS)

# Each executable is replaced by a script that runs it under memcheck and
# logs to build/valgrind/log/; any log with an error fails the target, also
# for runs whose exit status a test does not look at (the left side of a pipe).
VB       = build/valgrind
VALGRIND = valgrind -q --leak-check=full --show-leak-kinds=definite,indirect,possible \
           --errors-for-leak-kinds=definite,indirect,possible --error-exitcode=1 \
           --suppressions=$(CURDIR)/tests/valgrind.supp

valgrind: all units
	@rm -rf $(VB) && mkdir -p $(VB)/bin $(VB)/unit $(VB)/log
	@for p in $(PROGS) $(wildcard $(B)/unit/*); do \
	  case $$p in $(B)/unit/*) d=$(VB)/unit;; *) d=$(VB)/bin;; esac; \
	  n=$$(basename $$p); \
	  printf '#!/bin/sh\nexec $(VALGRIND) --log-file=%s/%s.%%p %s "$$@"\n' \
	    "$(CURDIR)/$(VB)/log" "$$n" "$(CURDIR)/$$p" > $$d/$$n; \
	  chmod +x $$d/$$n; \
	done
	@[ ! -f bin/khobor ] || cp bin/khobor $(VB)/bin/khobor
	KHOBOR_BIN=$(CURDIR)/$(VB)/bin KHOBOR_UNIT=$(CURDIR)/$(VB)/unit KHOBOR_VALGRIND=1 \
	  prove -r tests/t; st=$$?; \
	  for f in $(VB)/log/*; do [ -s "$$f" ] && { echo "valgrind: $$f:"; cat "$$f"; st=1; }; done; \
	  exit $$st
