/*
 * replay.c: a main for the fuzz harnesses without libFuzzer, so that make
 * test can replay the inputs kept under tests/regress/ with an ordinary
 * ASan+UBSan build.  Each FILE is one input; a failing check aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int
main(int argc, char *argv[])
{
	int i;

	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		unsigned char *data = NULL;
		size_t n = 0, cap = 0, k;

		if (fp == NULL) {
			perror(argv[i]);
			return 2;
		}
		do {
			if (n == cap) {
				cap = cap ? cap * 2 : 4096;
				if ((data = realloc(data, cap)) == NULL) {
					perror("realloc");
					return 2;
				}
			}
			k = fread(data + n, 1, cap - n, fp);
			n += k;
		} while (k > 0);
		fclose(fp);
		LLVMFuzzerTestOneInput(data, n);
		free(data);
		fprintf(stderr, "replayed %s\n", argv[i]);
	}
	return 0;
}
