/*
 * Calls one TA-Lib function through its abstract interface and prints the
 * result as JSON, so one small program serves every function.
 *
 *   harness CANDLES T FUNC [in:NAME=COLUMN[,COLUMN...]]... [opt:NAME=VALUE]...
 *
 * CANDLES is a file of five little-endian float64 columns of T values each
 * (open, high, low, close, volume). Price inputs take the columns TA-Lib asks
 * for; real inputs take the column named by an `in:` argument (default close).
 * Reals are printed with 17 significant digits, so the exact double survives;
 * the caller re-serialises them in shortest form.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "ta_libc.h"

static const char* kColumns[] = {"open", "high", "low", "close", "volume"};

static int columnIndex(const char* name) {
  for (int i = 0; i < 5; ++i)
    if (strcmp(kColumns[i], name) == 0) return i;
  fprintf(stderr, "unknown column %s\n", name);
  exit(2);
}

static const char* argValue(int argc, char** argv, const char* prefix, const char* name) {
  size_t pl = strlen(prefix), nl = strlen(name);
  for (int i = 4; i < argc; ++i)
    if (strncmp(argv[i], prefix, pl) == 0 && strncmp(argv[i] + pl, name, nl) == 0 && argv[i][pl + nl] == '=')
      return argv[i] + pl + nl + 1;
  return NULL;
}

static void check(TA_RetCode rc, const char* what) {
  if (rc == TA_SUCCESS) return;
  TA_RetCodeInfo info;
  TA_SetRetCodeInfo(rc, &info);
  fprintf(stderr, "%s failed: %s (%s)\n", what, info.enumStr, info.infoStr);
  exit(3);
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: harness CANDLES T FUNC [in:NAME=COLUMN]... [opt:NAME=VALUE]...\n");
    return 2;
  }
  const int T = atoi(argv[2]);
  double* cols = malloc(sizeof(double) * 5 * (size_t)(T > 0 ? T : 1));
  FILE* f = fopen(argv[1], "rb");
  if (!f || fread(cols, sizeof(double), 5 * (size_t)T, f) != 5 * (size_t)T) {
    fprintf(stderr, "cannot read %d candles from %s\n", T, argv[1]);
    return 2;
  }
  fclose(f);
  check(TA_Initialize(), "TA_Initialize");

  const TA_FuncHandle* h;
  const TA_FuncInfo* fi;
  check(TA_GetFuncHandle(argv[3], &h), "TA_GetFuncHandle");
  check(TA_GetFuncInfo(h, &fi), "TA_GetFuncInfo");
  TA_ParamHolder* ph;
  check(TA_ParamHolderAlloc(h, &ph), "TA_ParamHolderAlloc");

  for (unsigned i = 0; i < fi->nbInput; ++i) {
    const TA_InputParameterInfo* in;
    check(TA_GetInputParameterInfo(h, i, &in), "TA_GetInputParameterInfo");
    if (in->type == TA_Input_Price) {
      const double* p[5] = {0};
      const int flags[5] = {TA_IN_PRICE_OPEN, TA_IN_PRICE_HIGH, TA_IN_PRICE_LOW, TA_IN_PRICE_CLOSE, TA_IN_PRICE_VOLUME};
      for (int c = 0; c < 5; ++c) if (in->flags & flags[c]) p[c] = cols + (size_t)c * T;
      check(TA_SetInputParamPricePtr(ph, i, p[0], p[1], p[2], p[3], p[4], NULL), "TA_SetInputParamPricePtr");
    } else if (in->type == TA_Input_Real) {
      const char* col = argValue(argc, argv, "in:", in->paramName);
      check(TA_SetInputParamRealPtr(ph, i, cols + (size_t)columnIndex(col ? col : "close") * T), "TA_SetInputParamRealPtr");
    } else {
      fprintf(stderr, "integer inputs are not supported\n");
      return 2;
    }
  }

  printf("{\"params\":{");
  for (unsigned i = 0; i < fi->nbOptInput; ++i) {
    const TA_OptInputParameterInfo* opt;
    check(TA_GetOptInputParameterInfo(h, i, &opt), "TA_GetOptInputParameterInfo");
    const char* given = argValue(argc, argv, "opt:", opt->paramName);
    const double value = given ? atof(given) : opt->defaultValue;
    const int integer = opt->type == TA_OptInput_IntegerRange || opt->type == TA_OptInput_IntegerList;
    if (integer) check(TA_SetOptInputParamInteger(ph, i, (int)value), "TA_SetOptInputParamInteger");
    else check(TA_SetOptInputParamReal(ph, i, value), "TA_SetOptInputParamReal");
    printf("%s\"%s\":%.17g", i ? "," : "", opt->paramName, integer ? (double)(int)value : value);
  }
  printf("},");

  TA_Integer lookback = 0;
  check(TA_GetLookback(ph, &lookback), "TA_GetLookback");
  double* real[8] = {0};
  int* integer[8] = {0};
  for (unsigned i = 0; i < fi->nbOutput; ++i) {
    const TA_OutputParameterInfo* out;
    check(TA_GetOutputParameterInfo(h, i, &out), "TA_GetOutputParameterInfo");
    if (out->type == TA_Output_Real) {
      real[i] = calloc((size_t)(T > 0 ? T : 1), sizeof(double));
      check(TA_SetOutputParamRealPtr(ph, i, real[i]), "TA_SetOutputParamRealPtr");
    } else {
      integer[i] = calloc((size_t)(T > 0 ? T : 1), sizeof(int));
      check(TA_SetOutputParamIntegerPtr(ph, i, integer[i]), "TA_SetOutputParamIntegerPtr");
    }
  }
  TA_Integer beg = 0, nb = 0;
  check(TA_CallFunc(ph, 0, T - 1, &beg, &nb), "TA_CallFunc");

  printf("\"lookback\":%d,\"begIndex\":%d,\"nbElement\":%d,\"outputs\":{", lookback, beg, nb);
  for (unsigned i = 0; i < fi->nbOutput; ++i) {
    const TA_OutputParameterInfo* out;
    TA_GetOutputParameterInfo(h, i, &out);
    printf("%s\"%s\":{\"type\":\"%s\",\"values\":[", i ? "," : "", out->paramName, real[i] ? "real" : "integer");
    for (int j = 0; j < nb; ++j) {
      if (real[i]) printf("%s%.17g", j ? "," : "", real[i][j]);
      else printf("%s%d", j ? "," : "", integer[i][j]);
    }
    printf("]}");
  }
  printf("}}\n");
  TA_ParamHolderFree(ph);
  TA_Shutdown();
  return 0;
}
