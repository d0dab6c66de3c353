"""Answers to the exercises of notebook 05 (IMDB bag of words, bigrams, RNNs; NYSE forecasts)."""

from nbutils.checks import Exercise


def _last_five(review):
    """Reference: the last five indices of a review, zero-padded in front."""
    tail = [int(w) for w in list(review)[-5:]]
    return [0] * (5 - len(tail)) + tail


EXERCISES = [
    Exercise(
        key="05.lstm-params",
        question="Parameters of keras.layers.LSTM(8) reading embeddings of size m = 16.",
        expected=800,
        explanation=("Each of the four blocks (forget, input and output gates, and the cell "
                     "candidate) has K*m input weights, K*K recurrent weights and K biases: "
                     "4 * 8 * (16 + 8 + 1) = 800."),
        hint="count W (K x m), U (K x K) and b (K) for one block, then multiply by four",
        atol=0.5,
    ),
    Exercise(
        key="05.last-five",
        question="last_five(review): the last five word indices, zero-padded in front.",
        expected=_last_five,
        probes=([1, 14, 22, 16, 43, 530, 973], [1, 7, 9], [], [4, 5, 6, 7, 8]),
        explanation=("This is pad_sequences(..., maxlen=5) with its defaults: truncating='pre' "
                     "keeps the end of a long review and padding='pre' puts the zeros in front, "
                     "so the last word always meets the output."),
        hint="slice with review[-5:] and put 5 - len(...) zeros in front",
    ),
    Exercise(
        key="05.bigram-code",
        question="The code a * 10,000 + b of the bigram \"not good\" (word indices a, b).",
        expected=240_052,
        explanation=("\"not\" has rank 21 and \"good\" rank 49 in the word index, so their "
                     "indices are 24 and 52 and the code is 24 * 10,000 + 52 = 240,052; "
                     "code // 10,000 and code % 10,000 give the two words back."),
        hint="the index of a word is word_index[word] + 3, for both words of the pair",
        atol=0.5,
    ),
    Exercise(
        key="05.strawman-train-r2",
        question=("R^2 of the straw man v_hat_t = v_{t-1} on the 4,280 consecutive pairs of "
                  "the training days' log_volume, rounded to 3 decimals."),
        expected=0.420,
        explanation=("On the training years yesterday's value explains about 42% of the "
                     "variance, far more than on the test years: the training period has slow "
                     "trends in volume that yesterday's value carries along, so the straw "
                     "man's score depends strongly on the period it is judged on."),
        hint=("v = nyse.loc[nyse['train'], 'log_volume'].to_numpy(); "
              "then r2_score(v[1:], v[:-1])"),
        atol=1.5e-3,
    ),
    Exercise(
        key="05.ar10-day-params",
        question="Coefficients of an AR model with L = 10 lags of 3 series, an intercept and "
                 "4 day-of-week dummies.",
        expected=35,
        explanation="3 * 10 lagged columns + 1 intercept + 4 dummies = 35 coefficients.",
        hint="the AR(5) of the notebook has 3 * 5 + 1 = 16",
        atol=0.5,
    ),
]
