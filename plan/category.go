package plan

import (
	"slices"

	sp "github.com/socialprescribing/go-socialprescribing"
)

// Category is the kind of community offer a [Connection] leads to: the offers NHS England, The King's
// Fund and others name (SOURCES.md#community-offers), plus nature-based activity, the third strand of
// green social prescribing (SOURCES.md#community-side). [CategoryTable] says which categories count as
// green social prescribing.
//
//enum:list Categories "other" last
type Category string

// The categories of community offer.
const (
	CategoryArts              Category = "arts"
	CategoryDance             Category = "dance"
	CategorySinging           Category = "singing"
	CategoryKnitting          Category = "knitting"
	CategoryCookingEating     Category = "cooking-healthy-eating"
	CategorySportSwimming     Category = "sport-swimming"
	CategoryWalkingGroup      Category = "walking-group"
	CategoryGardening         Category = "gardening"
	CategoryNature            Category = "nature-activity"
	CategoryBefriending       Category = "befriending"
	CategoryVolunteering      Category = "volunteering"
	CategoryGroupLearning     Category = "group-learning"
	CategoryPeerSupport       Category = "peer-support"
	CategoryFallsClinic       Category = "falls-clinic"
	CategoryDebtAdvice        Category = "debt-financial-advice"
	CategoryWelfareBenefits   Category = "welfare-benefits"
	CategoryHousing           Category = "housing"
	CategoryEmploymentSupport Category = "employment-support"
	CategoryCitizensAdvice    Category = "citizens-advice"
	CategoryOther             Category = "other"
)

// CategoryInfo is one row of [CategoryTable]: a category, whether connections to it count as green
// social prescribing, and where that comes from.
type CategoryInfo struct {
	Category Category
	// Green reports whether the category is part of green social prescribing (walking, gardening,
	// nature: SOURCES.md#community-side).
	Green bool
	// Source cites the category (and its green marking) with the library's confidence.
	Source string
	// Confidence is how sure the library is of the row.
	Confidence sp.Confidence
}

const (
	srcNHSE     = "NHS England, Social prescribing FAQs, community groups and services"
	srcNHSEGrn  = "NHS England, Social prescribing FAQs: \"green social prescribing initiatives such as walking groups and gardening clubs\""
	srcNature   = "The King's Fund, What is social prescribing?, 2020: green social prescribing helps people \"engage with the natural world\""
	srcKF       = "The King's Fund, What is social prescribing?, 2020"
	srcSCIE     = "Social Care Institute for Excellence, Social prescribing: making it a reality for everyone (Innovation Unit), 2016"
	srcMiP      = "Management in Practice, How social prescribing link workers can support your practice team, 2023: \"practical help, such as with job applications\""
	srcStatSvc  = "NHS England, Social prescribing FAQs: statutory services for practical support, such as debt counselling and housing"
	srcLibOther = "the library's own: an offer outside the named categories"
)

var categoryTable = [...]CategoryInfo{
	{CategoryArts, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryDance, false, srcNHSE, sp.ConfidenceHigh},
	{CategorySinging, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryKnitting, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryCookingEating, false, srcNHSE, sp.ConfidenceHigh},
	{CategorySportSwimming, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryWalkingGroup, true, srcNHSEGrn, sp.ConfidenceHigh},
	{CategoryGardening, true, srcNHSEGrn, sp.ConfidenceHigh},
	{CategoryNature, true, srcNature, sp.ConfidenceMedium},
	{CategoryBefriending, false, srcKF, sp.ConfidenceMedium},
	{CategoryVolunteering, false, srcKF, sp.ConfidenceMedium},
	{CategoryGroupLearning, false, srcKF, sp.ConfidenceMedium},
	{CategoryPeerSupport, false, srcSCIE, sp.ConfidenceMedium},
	{CategoryFallsClinic, false, srcSCIE, sp.ConfidenceMedium},
	{CategoryDebtAdvice, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryWelfareBenefits, false, srcStatSvc, sp.ConfidenceMedium},
	{CategoryHousing, false, srcNHSE, sp.ConfidenceHigh},
	{CategoryEmploymentSupport, false, srcMiP, sp.ConfidenceMedium},
	{CategoryCitizensAdvice, false, srcSCIE, sp.ConfidenceMedium},
	{CategoryOther, false, srcLibOther, sp.ConfidenceHigh},
}

// CategoryTable returns one row per [Category], in the order of [Categories]: whether it counts as
// green social prescribing, its source and confidence. Walking groups and gardening are green
// (NHS England, high); nature-based activity is green (The King's Fund, medium); no other category is.
// The slice is new on each call.
func CategoryTable() []CategoryInfo { return slices.Clone(categoryTable[:]) }

// IsGreen reports whether c counts as green social prescribing, as [CategoryTable] says. It is false
// for a value outside [Categories].
func (c Category) IsGreen() bool {
	for _, r := range categoryTable {
		if r.Category == c {
			return r.Green
		}
	}
	return false
}
