/*
 * inflate-bench.c: the three inflaters Debian offers, on one file of
 * gzip members (a WET file), member by member as from-warc reads it:
 * zlib's inflate (streaming, reset per member), libdeflate's whole-member
 * libdeflate_gzip_decompress_ex, and ISA-L's isal_inflate (streaming,
 * reset per member).  Prints wall and CPU seconds and MB/s (by CPU time) for
 * each, best of N runs.
 *
 * cc -O2 -o inflate-bench inflate-bench.c -lz -ldeflate -lisal
 * usage: inflate-bench FILE [RUNS]
 */
#include <fcntl.h>
#include <isa-l/igzip_lib.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

static unsigned char *in, *out;
static size_t inlen, outcap = 64u << 20;

static double
now(clockid_t c)
{
	struct timespec t;

	clock_gettime(c, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static size_t
run_zlib(void)
{
	z_stream z = {0};
	size_t pos = 0, total = 0;

	inflateInit2(&z, 31);
	while (pos < inlen) {
		int rc;

		z.next_in = in + pos;
		z.avail_in = (uInt)(inlen - pos);
		do {
			z.next_out = out;
			z.avail_out = (uInt)outcap;
			rc = inflate(&z, Z_NO_FLUSH);
			total += outcap - z.avail_out;
		} while (rc == Z_OK);
		if (rc != Z_STREAM_END) {
			fprintf(stderr, "zlib: error %d\n", rc);
			exit(1);
		}
		pos = inlen - z.avail_in;
		inflateReset(&z);
	}
	inflateEnd(&z);
	return total;
}

static size_t
run_libdeflate(void)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();
	size_t pos = 0, total = 0;

	while (pos < inlen) {
		size_t used, got;
		enum libdeflate_result rc;

		rc = libdeflate_gzip_decompress_ex(d, in + pos, inlen - pos, out, outcap, &used, &got);
		if (rc != LIBDEFLATE_SUCCESS) {
			fprintf(stderr, "libdeflate: error %d\n", (int)rc);
			exit(1);
		}
		pos += used;
		total += got;
	}
	libdeflate_free_decompressor(d);
	return total;
}

static size_t
run_isal(void)
{
	struct inflate_state s;
	size_t pos = 0, total = 0;

	isal_inflate_init(&s);
	s.crc_flag = ISAL_GZIP;
	while (pos < inlen) {
		int rc;

		s.next_in = in + pos;
		s.avail_in = (uint32_t)(inlen - pos);
		do {
			s.next_out = out;
			s.avail_out = (uint32_t)outcap;
			rc = isal_inflate(&s);
			total += outcap - s.avail_out;
		} while (rc == ISAL_DECOMP_OK && s.block_state != ISAL_BLOCK_FINISH && s.avail_out == 0);
		if (rc != ISAL_DECOMP_OK || s.block_state != ISAL_BLOCK_FINISH) {
			fprintf(stderr, "isal: error %d\n", rc);
			exit(1);
		}
		pos = inlen - s.avail_in;
		isal_inflate_reset(&s);
		s.crc_flag = ISAL_GZIP;
	}
	return total;
}

int
main(int argc, char *argv[])
{
	static const struct { const char *name; size_t (*fn)(void); } libs[] = {
		{ "zlib", run_zlib }, { "libdeflate", run_libdeflate }, { "isal", run_isal },
	};
	struct stat st;
	int fd, runs = argc > 2 ? atoi(argv[2]) : 3, i, r;

	if (argc < 2 || (fd = open(argv[1], O_RDONLY)) < 0 || fstat(fd, &st) < 0) {
		fprintf(stderr, "usage: inflate-bench FILE [RUNS]\n");
		return 2;
	}
	inlen = (size_t)st.st_size;
	in = mmap(NULL, inlen, PROT_READ, MAP_PRIVATE, fd, 0);
	out = malloc(outcap);
	if (in == MAP_FAILED || out == NULL)
		return 4;
	for (i = 0; i < 3; i++) {
		double best = 1e30, bestcpu = 1e30;
		size_t total = 0;

		for (r = 0; r < runs; r++) {
			double t0 = now(CLOCK_MONOTONIC), c0 = now(CLOCK_PROCESS_CPUTIME_ID), t, c;

			total = libs[i].fn();
			t = now(CLOCK_MONOTONIC) - t0;
			c = now(CLOCK_PROCESS_CPUTIME_ID) - c0;
			if (t < best)
				best = t;
			if (c < bestcpu)
				bestcpu = c;
		}
		/* CPU time too: on a shared machine the wall time says more about the neighbours. */
		printf("%-10s %8.3f s wall %8.3f s cpu  %7.1f MB/s out (cpu)  %7.1f MB/s in (cpu)  (%zu bytes out)\n",
		    libs[i].name, best, bestcpu, (double)total / 1e6 / bestcpu, (double)inlen / 1e6 / bestcpu, total);
	}
	return 0;
}
